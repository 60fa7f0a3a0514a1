package com.notalabel.test.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;

/**
 * Stands in for user-service's signing keys (ARCHITECTURE.md §4): a signing key, the key
 * set published for it (as JSON, or served over HTTP at {@value #PATH}), and access
 * tokens signed as user-service signs them: RS256 with {@code kid} and
 * {@code typ: at+jwt}, claims {@code iss}, {@code aud}, {@code sub}, {@code sid},
 * {@code roles}, {@code iat}, {@code exp}, {@code jti}.
 */
public final class TestKeySet implements AutoCloseable {

	public static final String ISSUER = "not-a-label";

	public static final String AUDIENCE = "not-a-label-api";

	public static final JOSEObjectType ACCESS_TOKEN_TYPE = new JOSEObjectType("at+jwt");

	/**
	 * Where user-service serves its key set, and where {@link #uri()} serves this one.
	 */
	public static final String PATH = "/.well-known/jwks.json";

	/** As long as user-service's access tokens live. */
	public static final Duration LIFETIME = Duration.ofDays(1);

	private final RSAKey signingKey;

	private final List<RSAKey> published = new CopyOnWriteArrayList<>();

	private final AtomicInteger fetches = new AtomicInteger();

	private volatile boolean unavailable;

	private @Nullable HttpServer server;

	private TestKeySet(RSAKey signingKey) {
		this.signingKey = signingKey;
		this.published.add(signingKey);
	}

	/**
	 * @return a key set of its own, publishing one new signing key
	 */
	public static TestKeySet create() {
		return new TestKeySet(newKey("test-" + UUID.randomUUID()));
	}

	/**
	 * The key set of every test in this JVM that does not need one of its own (a service
	 * context is started once and verifies with it throughout).
	 * @return the JVM's key set
	 */
	public static TestKeySet shared() {
		return Shared.INSTANCE;
	}

	/**
	 * @param keyId the {@code kid}
	 * @return a new 2048-bit RSA key pair
	 */
	public static RSAKey newKey(String keyId) {
		try {
			return new RSAKeyGenerator(2048).keyID(keyId).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	public RSAKey signingKey() {
		return this.signingKey;
	}

	/**
	 * Publishes a further key, as user-service does ahead of a rotation.
	 * @param key the key; only its public part is published
	 */
	public void publish(RSAKey key) {
		this.published.add(key);
	}

	/**
	 * @return the public keys as a JWK set document
	 */
	public String jwks() {
		return new JWKSet(this.published.stream().map((key) -> (JWK) key.toPublicJWK()).toList()).toString();
	}

	/**
	 * The URL of this key set, served on a loopback port from the first call until
	 * {@link #close()}.
	 * @return {@code http://127.0.0.1:<port>/.well-known/jwks.json}
	 */
	public synchronized URI uri() {
		HttpServer running = this.server;
		if (running == null) {
			running = serve();
			this.server = running;
		}
		return URI.create("http://127.0.0.1:" + running.getAddress().getPort() + PATH);
	}

	/**
	 * @return how often the served key set was fetched
	 */
	public int fetches() {
		return this.fetches.get();
	}

	/**
	 * @param unavailable whether the served key set answers 503, as while user-service is
	 * down
	 */
	public void unavailable(boolean unavailable) {
		this.unavailable = unavailable;
	}

	@Override
	public synchronized void close() {
		if (this.server != null) {
			this.server.stop(0);
			this.server = null;
		}
	}

	/**
	 * @return an artist's token for a new user and session
	 */
	public AccessToken token() {
		return token(UUID.randomUUID());
	}

	/**
	 * @param userId the artist
	 * @return an artist's token for a new session
	 */
	public AccessToken token(UUID userId) {
		return token(userId, UUID.randomUUID(), "ARTIST");
	}

	/**
	 * @param userId {@code sub}
	 * @param sessionId {@code sid}
	 * @param roles {@code roles}
	 * @return a token valid for {@link #LIFETIME} from now
	 */
	public AccessToken token(UUID userId, UUID sessionId, String... roles) {
		return new AccessToken(this, userId, sessionId, claims(userId, sessionId, roles).build());
	}

	/**
	 * @param userId the artist
	 * @return an artist's signed token for a new session
	 */
	public String accessToken(UUID userId) {
		return token(userId).value();
	}

	/**
	 * @param userId {@code sub}
	 * @param sessionId {@code sid}
	 * @param roles {@code roles}
	 * @return the signed token
	 */
	public String accessToken(UUID userId, UUID sessionId, String... roles) {
		return token(userId, sessionId, roles).value();
	}

	/**
	 * @param claims what the token says
	 * @return the claims signed by this key set's signing key
	 */
	public String sign(JWTClaimsSet claims) {
		return sign(this.signingKey, header(this.signingKey).build(), claims);
	}

	/**
	 * @param key the signing key
	 * @return RS256, the key's {@code kid}, {@code typ: at+jwt}: change it to spoil it
	 */
	public static JWSHeader.Builder header(RSAKey key) {
		return new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).type(ACCESS_TOKEN_TYPE);
	}

	/**
	 * @param userId {@code sub}
	 * @param sessionId {@code sid}
	 * @param roles {@code roles}
	 * @return the claims of a token issued now: change them to spoil it
	 */
	public static JWTClaimsSet.Builder claims(UUID userId, UUID sessionId, String... roles) {
		Instant now = Instant.now();
		return new JWTClaimsSet.Builder().issuer(ISSUER)
			.audience(AUDIENCE)
			.subject(userId.toString())
			.claim("sid", sessionId.toString())
			.claim("roles", List.of(roles))
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plus(LIFETIME)))
			.jwtID(UUID.randomUUID().toString());
	}

	public static String sign(RSAKey key, JWSHeader header, JWTClaimsSet claims) {
		return sign(header, claims, signer(key));
	}

	/**
	 * Signs with any algorithm, for forgeries (HS256 with the public key, ES256...).
	 * @param header the header
	 * @param claims the claims
	 * @param signer the signer matching the header's algorithm
	 * @return the compact serialization
	 */
	public static String sign(JWSHeader header, JWTClaimsSet claims, JWSSigner signer) {
		SignedJWT jwt = new SignedJWT(header, claims);
		try {
			jwt.sign(signer);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	public static JWSSigner signer(RSAKey key) {
		try {
			return new RSASSASigner(key);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private HttpServer serve() {
		try {
			HttpServer created = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			created.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
			created.createContext(PATH, (exchange) -> {
				this.fetches.incrementAndGet();
				if (this.unavailable) {
					exchange.sendResponseHeaders(503, -1);
					exchange.close();
					return;
				}
				byte[] body = jwks().getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "application/jwk-set+json");
				exchange.sendResponseHeaders(200, body.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			});
			created.start();
			return created;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not serve the test key set", ex);
		}
	}

	private static final class Shared {

		static final TestKeySet INSTANCE = create();

	}

}
