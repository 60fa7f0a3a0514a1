package com.notalabel.shared.testapp;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;

import org.springframework.beans.factory.DisposableBean;

/**
 * Stands in for user-service's key endpoint in these tests: a real HTTP server serving a
 * JWK set, and the private keys to sign access tokens the way user-service does.
 */
public final class TestJwks implements DisposableBean {

	public static final String ISSUER = "not-a-label-test";

	public static final String AUDIENCE = "not-a-label-api";

	private final HttpServer server;

	private final List<RSAKey> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger fetches = new AtomicInteger();

	private final RSAKey signingKey;

	public TestJwks() throws IOException {
		this.signingKey = newKey("key-1");
		this.published.add(this.signingKey);
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/.well-known/jwks.json", (exchange) -> {
			this.fetches.incrementAndGet();
			byte[] body = new JWKSet(this.published.stream().map((key) -> (JWK) key.toPublicJWK()).toList()).toString()
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		this.server.start();
	}

	public URI uri() {
		return URI.create("http://127.0.0.1:" + this.server.getAddress().getPort() + "/.well-known/jwks.json");
	}

	public int fetches() {
		return this.fetches.get();
	}

	public static RSAKey newKey(String kid) {
		try {
			return new RSAKeyGenerator(2048).keyID(kid).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Publishes another key, as user-service does when it rotates. */
	public void publish(RSAKey key) {
		this.published.add(key);
	}

	public RSAKey signingKey() {
		return this.signingKey;
	}

	/** A valid access token for a user with the given roles. */
	public String accessToken(UUID userId, UUID sessionId, String... roles) {
		return sign(this.signingKey, header(this.signingKey), claims(userId, sessionId, roles).build());
	}

	public JWSHeader.Builder header(RSAKey key) {
		return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(new JOSEObjectType("at+jwt"));
	}

	public JWTClaimsSet.Builder claims(UUID userId, UUID sessionId, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(userId.toString())
			.claim("sid", sessionId.toString())
			.claim("roles", List.of(roles))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(3600)))
			.jwtID(UUID.randomUUID().toString());
	}

	public static String sign(RSAKey key, JWSHeader.Builder header, JWTClaimsSet claims) {
		try {
			SignedJWT jwt = new SignedJWT(header.build(), claims);
			jwt.sign(new RSASSASigner(key));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void destroy() {
		this.server.stop(0);
	}

}
