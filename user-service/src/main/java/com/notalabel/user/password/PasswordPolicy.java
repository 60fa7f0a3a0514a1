package com.notalabel.user.password;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.notalabel.shared.web.StorableText;

/**
 * What a new password must be (NIST SP 800-63B, OWASP ASVS 2.1): 8 to 128 characters,
 * counted after Unicode normalisation, any characters, no composition rules, not one of
 * the common passwords, not the person's own address or name. Nothing is ever cut off.
 */
@Component
public class PasswordPolicy {

	public static final int MIN_LENGTH = 8;

	public static final int MAX_LENGTH = 128;

	private final CommonPasswords common;

	PasswordPolicy() {
		this(CommonPasswords.load());
	}

	PasswordPolicy(CommonPasswords common) {
		this.common = common;
	}

	/**
	 * Checks a password a person chose.
	 * @param password the new password
	 * @param email the person's address
	 * @param displayName the person's name
	 * @return why it is refused, as a message for the password field; empty if it is
	 * acceptable
	 */
	public Optional<String> problemWith(String password, String email, String displayName) {
		if (!StorableText.isStorable(password)) {
			return Optional.of(StorableText.MESSAGE);
		}
		String normalized = normalize(password);
		int length = normalized.codePointCount(0, normalized.length());
		if (length < MIN_LENGTH) {
			return Optional.of("must be at least " + MIN_LENGTH + " characters long");
		}
		if (length > MAX_LENGTH) {
			return Optional.of("must be at most " + MAX_LENGTH + " characters long");
		}
		if (this.common.contains(normalized)) {
			return Optional.of("is one of the most common passwords; choose one that is harder to guess");
		}
		String folded = normalized.toLowerCase(Locale.ROOT);
		String address = email.strip().toLowerCase(Locale.ROOT);
		int at = address.indexOf('@');
		if (folded.equals(address) || (at > 0 && folded.equals(address.substring(0, at)))
				|| folded.equals(displayName.strip().toLowerCase(Locale.ROOT))) {
			return Optional.of("must not be your e-mail address or name");
		}
		return Optional.empty();
	}

	/**
	 * NFKC, so that the same password typed on two keyboards (composed and decomposed
	 * accents, full-width digits) is the same password. An unpaired surrogate, which has
	 * no UTF-8 form and makes Argon2 throw, becomes U+FFFD: such a password can never
	 * have been set (see {@link #problemWith}), so a sign-in with one is simply wrong,
	 * never a failure of the service.
	 * @param password as typed
	 * @return the form that is measured and hashed
	 */
	static String normalize(String password) {
		String normalized = Normalizer.normalize(password, Normalizer.Form.NFKC);
		if (StorableText.isStorable(normalized)) {
			return normalized;
		}
		StringBuilder paired = new StringBuilder(normalized.length());
		normalized.codePoints()
			.map((codePoint) -> (Character.getType(codePoint) == Character.SURROGATE) ? 0xFFFD : codePoint)
			.forEach(paired::appendCodePoint);
		return paired.toString();
	}

}
