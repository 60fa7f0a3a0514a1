package com.notalabel.bench.chaos;

import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import com.notalabel.test.http.Response;
import com.notalabel.test.http.TestHttp;
import com.notalabel.test.http.TestHttp.Request;

/**
 * The gateway as the suite's clients reach it. Each client has an address of its own,
 * sent as {@code X-Forwarded-For} as nginx sends it (the platform's gateway trusts
 * 127.0.0.1 as its proxy), so that a crowd is many people, each in their own rate-limit
 * bucket, as it would be in production; the addresses come from the benchmarking block
 * 198.18.0.0/15, starting at a random place so that a second run does not inherit the
 * first run's buckets.
 */
final class Api {

	/**
	 * What a JSON client of the platform accepts: its answers, and its errors
	 * (ARCHITECTURE.md §3).
	 */
	static final String ACCEPT = "application/json, application/problem+json";

	private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(ThreadLocalRandom.current().nextInt(1 << 16));

	private final TestHttp http;

	private final RawHttp raw;

	Api(URI gateway) {
		this.http = TestHttp.at(gateway).withDefaults((request) -> request.header("Accept", ACCEPT));
		this.raw = new RawHttp(gateway.getHost(), gateway.getPort());
	}

	/**
	 * @return an address no other client of this run has
	 */
	static String newAddress() {
		int n = NEXT_ADDRESS.getAndIncrement() % (1 << 17);
		return "198." + (18 + (n >> 16)) + "." + ((n >> 8) & 0xff) + "." + (n & 0xff);
	}

	RawHttp raw() {
		return this.raw;
	}

	/**
	 * Sends a request as a client at {@code address}, with a token when given.
	 * @param method the method
	 * @param path the path and query (valid as a URI)
	 * @param label the case
	 * @param address the client's address
	 * @param token the access token, or {@code null}
	 * @param customizer the body, more headers
	 * @return what came back, a failed connection included
	 */
	Exchange send(String method, String path, String label, String address, @Nullable String token,
			UnaryOperator<Request> customizer) {
		Request request = this.http.request(method, path).header("X-Forwarded-For", address);
		if (token != null) {
			request.bearer(token);
		}
		long start = System.nanoTime();
		try {
			Response response = customizer.apply(request).send();
			return new Exchange(method, path, label, response.status(), response.contentType(), response.bytes(),
					Duration.ofNanos(response.elapsedNanos()).toMillis());
		}
		catch (UncheckedIOException ex) {
			return Exchange.noAnswer(method, path, label, String.valueOf(ex.getCause()),
					Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
	}

	Exchange send(String method, String path, String label, String address, @Nullable String token) {
		return send(method, path, label, address, token, UnaryOperator.identity());
	}

}
