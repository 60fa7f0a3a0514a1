package com.notalabel.payment.testing;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * Stripe's API for the tests: a WireMock server per JVM that answers what each test
 * stubs, with bodies shaped like Stripe's own (its published OpenAPI fixtures), errors
 * included. The service reaches it through its real {@code StripeClient}, only the API
 * base changed.
 */
public final class TestStripe {

	/** A secret key in Stripe's test-mode form; WireMock checks nothing about it. */
	public static final String SECRET_KEY = "sk_test_51NotALabelTestKey0000000000000000000000";

	/** The webhook endpoint's signing secret the tests sign their events with. */
	public static final String WEBHOOK_SECRET = "whsec_notalabel_test_signing_secret";

	private static TestStripe shared;

	private final WireMockServer server;

	private TestStripe() {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(32)
			.jettyAcceptors(1));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop, "test-stripe-stop"));
	}

	public static synchronized TestStripe shared() {
		if (shared == null) {
			shared = new TestStripe();
		}
		return shared;
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	public WireMockServer server() {
		return this.server;
	}

}
