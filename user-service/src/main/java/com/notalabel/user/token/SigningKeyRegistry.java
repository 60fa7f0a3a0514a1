package com.notalabel.user.token;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The public keys every instance has published, in PostgreSQL: the one place all
 * instances, old and new during a rolling deployment, read the key set from. Private keys
 * never come here.
 */
class SigningKeyRegistry {

	private final JdbcClient jdbc;

	SigningKeyRegistry(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records a key as published now, unless some instance published it before.
	 */
	void publish(RsaSigningKey key, Instant now) {
		this.jdbc.sql(
				"insert into signing_key (kid, public_jwk, published_at) values (?, ?, ?) on conflict (kid) do nothing")
			.params(key.kid(), key.publicJwk().toJSONString(), Timestamp.from(now))
			.update();
	}

	/**
	 * Notes that an instance signs with the key, at most once per {@code notBefore}
	 * interval.
	 */
	void markSigning(String kid, Instant now, Instant notBefore) {
		this.jdbc.sql(
				"update signing_key set last_signed_at = ? where kid = ? and (last_signed_at is null or last_signed_at < ?)")
			.params(Timestamp.from(now), kid, Timestamp.from(notBefore))
			.update();
	}

	List<PublishedKey> all() {
		return this.jdbc.sql("select kid, public_jwk, published_at, last_signed_at from signing_key")
			.query((rs, row) -> {
				Timestamp lastSigned = rs.getTimestamp(4);
				return new PublishedKey(rs.getString(1), rs.getString(2), rs.getTimestamp(3).toInstant(),
						(lastSigned != null) ? lastSigned.toInstant() : null);
			})
			.list();
	}

	/**
	 * Deletes keys that have not signed since before {@code cutoff}.
	 */
	int forgetUnusedSince(Instant cutoff) {
		return this.jdbc.sql("delete from signing_key where coalesce(last_signed_at, published_at) < ?")
			.param(Timestamp.from(cutoff))
			.update();
	}

	/**
	 * A published key.
	 *
	 * @param kid its id
	 * @param publicJwk the public JWK as JSON
	 * @param publishedAt when an instance first published it
	 * @param lastSignedAt when an instance last noted that it signs with it, {@code null}
	 * if none ever did
	 */
	record PublishedKey(String kid, String publicJwk, Instant publishedAt, @Nullable Instant lastSignedAt) {

		Instant lastRelevantAt() {
			return (this.lastSignedAt != null && this.lastSignedAt.isAfter(this.publishedAt)) ? this.lastSignedAt
					: this.publishedAt;
		}

	}

}
