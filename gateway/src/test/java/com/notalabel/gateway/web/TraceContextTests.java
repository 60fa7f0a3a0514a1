package com.notalabel.gateway.web;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;

class TraceContextTests {

	@ParameterizedTest
	@ValueSource(strings = { "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00",
			"01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-future" })
	void acceptsTheW3cForm(String traceparent) {
		assertThat(TraceContext.isValid(traceparent)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7",
			"00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",
			"00-00000000000000000000000000000000-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01",
			"ff-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
			"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-more",
			"00_4bf92f3577b34da6a3ce929d0e0e4736_00f067aa0ba902b7_01",
			"00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01" })
	void refusesAnythingElse(String traceparent) {
		assertThat(TraceContext.isValid(traceparent)).isFalse();
	}

	@Test
	void startsValidTracesSampledWithTheConfiguredProbability() {
		TraceContext never = new TraceContext(0);
		TraceContext always = new TraceContext(1);

		for (int i = 0; i < 100; i++) {
			String unsampled = never.newTraceparent();
			String sampled = always.newTraceparent();
			assertThat(TraceContext.isValid(unsampled)).isTrue();
			assertThat(unsampled).endsWith("-00");
			assertThat(TraceContext.isValid(sampled)).isTrue();
			assertThat(sampled).endsWith("-01");
		}
		assertThat(never.newTraceparent()).isNotEqualTo(never.newTraceparent());
	}

	@Test
	void leavesBothW3cAndB3ContextsToTheServices() {
		HttpHeaders w3c = new HttpHeaders();
		w3c.set("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
		HttpHeaders b3 = new HttpHeaders();
		b3.set("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");
		HttpHeaders malformed = new HttpHeaders();
		malformed.set("traceparent", "garbage");
		malformed.set("b3", "80f198ee56343ba864fe8b2a57d3eff7-e457b5a2e4d86bd1-1");

		assertThat(TraceContext.isCarriedBy(w3c)).isTrue();
		assertThat(TraceContext.isCarriedBy(b3)).isTrue();
		assertThat(TraceContext.isCarriedBy(malformed)).isFalse();
		assertThat(TraceContext.isCarriedBy(new HttpHeaders())).isFalse();
	}

}
