package com.notalabel.notification.unsubscribe;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.types.id.UserId;

/**
 * The tokens of unsubscribe links: 256 random bits, URL-safe, each naming one recipient
 * and one category. A new token goes with every mail; only its SHA-256 is stored, so that
 * the table cannot be read back into working links.
 */
@Service
public class UnsubscribeTokens {

	private static final SecureRandom RANDOM = new SecureRandom();

	/** 32 bytes in unpadded base64url. */
	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final JdbcClient jdbc;

	private final Clock clock;

	UnsubscribeTokens(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
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
		return this.jdbc.sql("select user_id, email, category from unsubscribe_token where token_hash = ?")
			.param(hash(token))
			.query((rs, row) -> {
				UUID user = rs.getObject("user_id", UUID.class);
				return new Subscriber((user != null) ? UserId.of(user) : null, rs.getString("email"),
						NotificationCategory.valueOf(rs.getString("category")));
			})
			.optional();
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
