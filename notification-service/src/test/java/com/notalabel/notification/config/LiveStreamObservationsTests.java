package com.notalabel.notification.config;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;

class LiveStreamObservationsTests {

	private final ObservationPredicate predicate = new LiveStreamObservations().noObservationsOfLiveStreams();

	@AfterEach
	void forgetRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void aLiveStreamsServerRequestIsNotObserved() {
		assertThat(this.predicate.test("http.server.requests", serverContext(LiveStreamObservations.LIVE_STREAM)))
			.isFalse();
	}

	@Test
	void otherServerRequestsAreObserved() {
		assertThat(this.predicate.test("http.server.requests", serverContext("/api/v1/notifications"))).isTrue();
		assertThat(this.predicate.test("http.server.requests", serverContext("/api/v1/notifications/stream/x")))
			.isTrue();
	}

	@Test
	void observationsMadeWhileServingALiveStreamAreSkipped() {
		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes(new MockHttpServletRequest("GET", LiveStreamObservations.LIVE_STREAM)));
		assertThat(this.predicate.test("spring.security.filterchains", new Observation.Context())).isFalse();
	}

	@Test
	void observationsOutsideALiveStreamAreKept() {
		assertThat(this.predicate.test("spring.security.filterchains", new Observation.Context())).isTrue();
		RequestContextHolder.setRequestAttributes(
				new ServletRequestAttributes(new MockHttpServletRequest("GET", "/api/v1/notifications/unread-count")));
		assertThat(this.predicate.test("spring.security.filterchains", new Observation.Context())).isTrue();
	}

	private static ServerRequestObservationContext serverContext(String path) {
		return new ServerRequestObservationContext(new MockHttpServletRequest("GET", path),
				new MockHttpServletResponse());
	}

}
