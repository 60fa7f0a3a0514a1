package com.notalabel.gateway.access;

import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;

/**
 * Checks an access token as ARCHITECTURE.md §4 and the services do: RS256 only, a key
 * user-service publishes (never one the token brings along), {@code typ: at+jwt},
 * {@code exp} required, {@code iss}, {@code aud}, UUIDs in {@code sub} and {@code sid}.
 * The cheap checks run first, so that an expired or foreign token costs no signature
 * check and no key lookup.
 */
final class AccessTokenVerifier {

	private static final Logger log = LoggerFactory.getLogger(AccessTokenVerifier.class);

	private static final Pattern UUID = Pattern
		.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

	private final KeySet keys;

	private final String issuer;

	private final String audience;

	private final Duration clockSkew;

	private final Clock clock;

	private final Counter accepted;

	private final Counter refused;

	AccessTokenVerifier(KeySet keys, String issuer, String audience, Duration clockSkew, Clock clock,
			MeterRegistry meters) {
		this.keys = keys;
		this.issuer = issuer;
		this.audience = audience;
		this.clockSkew = clockSkew;
		this.clock = clock;
		this.accepted = verifications(meters, "accepted");
		this.refused = verifications(meters, "refused");
	}

	private static Counter verifications(MeterRegistry meters, String outcome) {
		return Counter.builder("nal.gateway.access_tokens.verifications")
			.description("Access tokens checked in full (signature included); a cached token is not checked again")
			.tag("outcome", outcome)
			.register(meters);
	}

	Mono<Verification> verify(String token) {
		SignedJWT jwt;
		VerifiedAccessToken candidate;
		try {
			jwt = SignedJWT.parse(token);
			checkHeader(jwt.getHeader());
			candidate = checkClaims(jwt.getJWTClaimsSet());
		}
		catch (Refusal ex) {
			return Mono.just(refuse(ex.getMessage()));
		}
		catch (ParseException | RuntimeException ex) {
			return Mono.just(refuse("malformed: " + ex.getMessage()));
		}
		String keyId = jwt.getHeader().getKeyID();
		return this.keys.verifierFor(keyId)
			.map((verifier) -> signatureHolds(jwt, verifier) ? accept(candidate) : refuse("bad signature"))
			.switchIfEmpty(Mono.fromSupplier(() -> refuse("unknown key " + keyId)))
			.onErrorResume(KeySet.KeysUnavailable.class, (ex) -> Mono.just(new Verification.Undecidable()));
	}

	private Verification accept(VerifiedAccessToken token) {
		this.accepted.increment();
		return new Verification.Accepted(token);
	}

	private Verification refuse(@Nullable String reason) {
		this.refused.increment();
		log.debug("Refused an access token: {}", reason);
		return new Verification.Refused(String.valueOf(reason));
	}

	private static void checkHeader(JWSHeader header) {
		if (!JWSAlgorithm.RS256.equals(header.getAlgorithm())) {
			throw new Refusal("algorithm " + header.getAlgorithm());
		}
		if (header.getJWK() != null || header.getJWKURL() != null || header.getX509CertURL() != null
				|| header.getX509CertChain() != null) {
			throw new Refusal("the token names its own key");
		}
		if (header.getCriticalParams() != null && !header.getCriticalParams().isEmpty()) {
			throw new Refusal("critical header parameters " + header.getCriticalParams());
		}
		String type = (header.getType() != null) ? header.getType().getType() : null;
		if (!"at+jwt".equalsIgnoreCase(type) && !"application/at+jwt".equalsIgnoreCase(type)) {
			throw new Refusal("type " + type);
		}
		if (header.getKeyID() == null || header.getKeyID().isBlank()) {
			throw new Refusal("no key id");
		}
	}

	private VerifiedAccessToken checkClaims(JWTClaimsSet claims) throws ParseException {
		Instant now = this.clock.instant();
		Date expiresAt = claims.getExpirationTime();
		if (expiresAt == null) {
			throw new Refusal("no exp");
		}
		if (now.isAfter(expiresAt.toInstant().plus(this.clockSkew))) {
			throw new Refusal("expired");
		}
		Date notBefore = claims.getNotBeforeTime();
		if (notBefore != null && now.isBefore(notBefore.toInstant().minus(this.clockSkew))) {
			throw new Refusal("not yet valid");
		}
		Date issuedAt = claims.getIssueTime();
		if (issuedAt == null || now.isBefore(issuedAt.toInstant().minus(this.clockSkew))) {
			throw new Refusal("no iat, or one in the future");
		}
		if (!this.issuer.equals(claims.getIssuer())) {
			throw new Refusal("issuer " + claims.getIssuer());
		}
		if (claims.getAudience() == null || !claims.getAudience().contains(this.audience)) {
			throw new Refusal("audience " + claims.getAudience());
		}
		if (claims.getJWTID() == null || claims.getJWTID().isBlank()) {
			throw new Refusal("no jti");
		}
		String subject = claims.getSubject();
		String session = claims.getStringClaim("sid");
		if (subject == null || !UUID.matcher(subject).matches() || session == null
				|| !UUID.matcher(session).matches()) {
			throw new Refusal("sub and sid must be UUIDs");
		}
		List<String> roles = claims.getStringListClaim("roles");
		return new VerifiedAccessToken(UserId.parse(subject), SessionId.parse(session),
				(roles != null) ? Set.copyOf(roles) : Set.of(), expiresAt.toInstant());
	}

	private static boolean signatureHolds(SignedJWT jwt, JWSVerifier verifier) {
		try {
			return jwt.verify(verifier);
		}
		catch (JOSEException | IllegalStateException ex) {
			return false;
		}
	}

	private static final class Refusal extends RuntimeException {

		Refusal(String reason) {
			super(reason, null, false, false);
		}

	}

}
