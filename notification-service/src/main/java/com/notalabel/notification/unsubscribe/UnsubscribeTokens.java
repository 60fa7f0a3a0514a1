package com.notalabel.notification.unsubscribe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.types.id.UserId;

/**
 * The tokens of unsubscribe links: 256 random bits, URL-safe, each naming one recipient
 * and one category. A new token goes with every mail; only its SHA-256 is stored, so that
 * the table cannot be read back into working links. A token works for the link lifetime
 * and is then deleted: kept for ever, the table would grow with every mail and go on
 * naming who received what.
 */
@Service
public class UnsubscribeTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** 32 bytes in unpadded base64url. */
	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	/**
	 * Deleted per statement, so that a large backlog never holds one long transaction.
	 */
	private static final int SWEEP_BATCH = 10_000;

	private final JdbcClient jdbc;

	private final Clock clock;

	private final UnsubscribeSettings settings;

	UnsubscribeTokens(JdbcClient jdbc, Clock clock, UnsubscribeSettings settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * A token for a person's mails of a category.
	 * @param user the person
	 * @param category the category
	 * @return the token, for the link only
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String issue(UserId user, NotificationCategory category) {
		return issue(user.value(), null, category);
	}

	/**
	 * A token for an address's mails of a category, for a recipient known only by
	 * address.
	 * @param email the address
	 * @param category the category
	 * @return the token, for the link only
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public String issue(String email, NotificationCategory category) {
		return issue(null, normalized(email), category);
	}

	@Transactional(readOnly = true)
	Optional<Subscriber> find(String token) {
		if (!SHAPE.matcher(token).matches()) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("select user_id, email, category from unsubscribe_token where token_hash = ? and created_at > ?")
			.params(hash(token), Timestamp.from(oldestValid(this.clock.instant())))
			.query((rs, row) -> {
				UUID user = rs.getObject("user_id", UUID.class);
				return new Subscriber((user != null) ? UserId.of(user) : null, rs.getString("email"),
						NotificationCategory.valueOf(rs.getString("category")));
			})
			.optional();
	}

	@Scheduled(fixedDelayString = "${nal.unsubscribe.sweep-interval:1h}", initialDelayString = "1m")
	void forgetExpired() {
		forgetExpired(this.clock.instant());
	}

	/**
	 * Deletes the tokens whose links no longer work. Every instance may run it at once:
	 * each deletes what the others have not.
	 * @param now the moment
	 * @return how many were deleted
	 */
	public int forgetExpired(Instant now) {
		Timestamp oldestValid = Timestamp.from(oldestValid(now));
		int deleted = 0;
		int batch;
		do {
			batch = this.jdbc.sql("""
					delete from unsubscribe_token where token_hash in (
					    select token_hash from unsubscribe_token where created_at <= ? limit ?)""")
				.params(oldestValid, SWEEP_BATCH)
				.update();
			deleted += batch;
		}
		while (batch == SWEEP_BATCH);
		return deleted;
	}

	private Instant oldestValid(Instant now) {
		return now.minus(this.settings.linkLifetime());
	}

	private String issue(@Nullable UUID user, @Nullable String email, NotificationCategory category) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		this.jdbc.sql(
				"insert into unsubscribe_token (token_hash, user_id, email, category, created_at) values (?, ?, ?, ?, ?)")
			.params(hash(token), user, email, category.name(), Timestamp.from(this.clock.instant()))
			.update();
		return token;
	}

	static String normalized(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256")
				.digest(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Whom a token names: a person, or an address without an account.
	 *
	 * @param user the person, or {@code null}
	 * @param email the address, or {@code null}
	 * @param category the category the link turns off
	 */
	record Subscriber(@Nullable UserId user, @Nullable String email, NotificationCategory category) {

	}

}
