package com.notalabel.notification.config;

import io.micrometer.observation.ObservationPredicate;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * No observations for a live stream's request (ADR 49). Its server observation and the
 * security filter chain's would each stay open, with their span and tag maps, for the
 * stream's whole life: some kilobytes of heap per open stream, times the 10,000 an
 * instance holds, for a duration that says only how long a tab stayed open. Every other
 * request is observed as before.
 */
@Configuration(proxyBeanMethods = false)
class LiveStreamObservations {

	static final String LIVE_STREAM = "/api/v1/notifications/stream";

	@Bean
	ObservationPredicate noObservationsOfLiveStreams() {
		return (name, context) -> {
			HttpServletRequest request = (context instanceof ServerRequestObservationContext server)
					? server.getCarrier() : currentRequest();
			return request == null || !LIVE_STREAM.equals(request.getRequestURI());
		};
	}

	/**
	 * The request being served, for the observations made inside it (the security filter
	 * chain's): Boot's request context filter runs before Spring Security's.
	 */
	private static @Nullable HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

}
