package com.notalabel.bench.chaos;

import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.test.http.TestHttp;

/**
 * An account the suite registered through the gateway, with the address its requests come
 * from and its current access token.
 */
final class Artist {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Api api;

	private final String email;

	private final String password;

	private final String address;

	private volatile @Nullable String token;

	private Artist(Api api, String email, String password, String address, @Nullable String token) {
		this.api = api;
		this.email = email;
		this.password = password;
		this.address = address;
		this.token = token;
	}

	/**
	 * A registration's answer, and the account when it was accepted.
	 *
	 * @param exchange what came back
	 * @param artist the account, when the answer was 201
	 */
	record Registration(Exchange exchange, @Nullable Artist artist) {

	}

	/**
	 * Registers a new account from an address of its own.
	 * @param api the gateway
	 * @param kind a word for the e-mail address, e.g. {@code fuzz}
	 * @return the answer, not yet checked
	 */
	static Registration attempt(Api api, String kind) {
		String email = "chaos-" + kind + "-" + UUID.randomUUID() + "@example.com";
		String password = "a long and unusual passphrase " + UUID.randomUUID();
		String address = Api.newAddress();
		Exchange registered = api.send("POST", "/api/v1/auth/register", "register", address, null, (request) -> request
			.json(TestHttp.json(Map.of("email", email, "password", password, "displayName", "Chaos Artist"))));
		Artist artist = (registered.status() == 201)
				? new Artist(api, email, password, address, accessToken(registered)) : null;
		return new Registration(registered, artist);
	}

	/**
	 * @param api the gateway
	 * @param kind a word for the e-mail address
	 * @param report where the answer is counted and checked
	 * @return the account, or {@code null} when the registration was not accepted
	 */
	static @Nullable Artist register(Api api, String kind, Report report) {
		Registration registration = attempt(api, kind);
		report.check(registration.exchange());
		return registration.artist();
	}

	String email() {
		return this.email;
	}

	String address() {
		return this.address;
	}

	@Nullable String token() {
		return this.token;
	}

	/**
	 * Signs in again (after the session was revoked, say) from this artist's address.
	 * @param report where the exchange is counted and checked
	 * @return the sign-in's answer
	 */
	Exchange signIn(Report report) {
		Exchange signedIn = signIn(this.address, report, "sign in");
		if (signedIn.status() == 200) {
			this.token = accessToken(signedIn);
		}
		return signedIn;
	}

	/**
	 * @param from the client's address
	 * @param report where the exchange is counted and checked
	 * @param label the case
	 * @return the sign-in's answer, the token not kept
	 */
	Exchange signIn(String from, Report report, String label) {
		Exchange signedIn = this.api.send("POST", "/api/v1/auth/login", label, from, null,
				(request) -> request.json(TestHttp.json(Map.of("email", this.email, "password", this.password))));
		report.check(signedIn);
		return signedIn;
	}

	/**
	 * A sign-in written on a socket of its own, as a crowd of separate people sends it:
	 * no client library's connection pool or selector between them and the gateway.
	 * @param from the client's address
	 * @param report where the exchange is counted and checked
	 * @param label the case
	 * @return the sign-in's answer, the token not kept
	 */
	Exchange signInOverSocket(String from, Report report, String label) {
		byte[] body = TestHttp.json(Map.of("email", this.email, "password", this.password))
			.getBytes(java.nio.charset.StandardCharsets.UTF_8);
		Exchange signedIn = this.api.raw()
			.send(RawHttp.Request.of("POST", "/api/v1/auth/login")
				.header("X-Forwarded-For", from)
				.header("Accept", Api.ACCEPT)
				.header("Content-Type", "application/json")
				.header("Content-Length", Integer.toString(body.length))
				.body(body)
				.timeout(java.time.Duration.ofSeconds(60)), label);
		report.check(signedIn);
		return signedIn;
	}

	/**
	 * @param report where the exchanges are counted and checked
	 * @return whether the artist's token works, after signing in again if it did not
	 */
	boolean ensureSignedIn(Report report) {
		Exchange me = this.api.send("GET", "/api/v1/users/me", "session probe", this.address, this.token);
		report.check(me);
		if (me.status() == 200) {
			return true;
		}
		return signIn(report).status() == 200;
	}

	Exchange send(String method, String path, String label, java.util.function.UnaryOperator<TestHttp.Request> body) {
		return this.api.send(method, path, label, this.address, this.token, body);
	}

	Exchange get(String path, String label) {
		return this.api.send("GET", path, label, this.address, this.token);
	}

	private static @Nullable String accessToken(Exchange exchange) {
		String token = JSON.readTree(exchange.body()).path("accessToken").asString("");
		return token.isEmpty() ? null : token;
	}

}
