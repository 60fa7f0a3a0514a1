package com.notalabel.user.account;

import java.text.Normalizer;
import java.util.Locale;

import com.notalabel.user.opaque.Sha256;

/**
 * The one form an e-mail address is stored, compared and throttled in.
 */
public final class Emails {

	private Emails() {
	}

	/**
	 * Trims, applies Unicode NFC and lower-cases the whole address. Mail providers treat
	 * the local part case-insensitively in practice, and two accounts differing only in
	 * case would be one person locked out of the other. Provider-specific rules (dots and
	 * {@code +tags} at Gmail) are left alone: they are wrong for other providers.
	 * @param email as the person typed it
	 * @return the normalised address
	 */
	public static String normalize(String email) {
		return Normalizer.normalize(email.strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
	}

	/**
	 * A stable, non-reversible name for an address (SHA-256 of the normalised form), for
	 * throttle keys: counters exist for addresses that have no account too, and those
	 * must not be kept in clear.
	 * @param email the address, normalised or not
	 * @return 64 hex digits
	 */
	public static String fingerprint(String email) {
		return Sha256.hex(normalize(email));
	}

}
