package com.notalabel.user.privacy;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.SessionId;
import com.notalabel.user.account.UserResponse;

/**
 * Everything user-service holds about a person (GDPR Art. 15 and 20), in JSON. Secrets
 * are left out: the password hash and the hashes of tokens identify nothing about the
 * person and would only help an attacker who got hold of the file.
 *
 * @param exportedAt when the copy was made
 * @param account the account and profile
 * @param emailVerifiedAt when the address was verified, or {@code null}
 * @param passwordChangedAt when the password was last set
 * @param sessions every stored session, ended ones included
 * @param knownDevices the browsers that signed in before
 */
record AccountExport(Instant exportedAt, UserResponse account, @Nullable Instant emailVerifiedAt,
		Instant passwordChangedAt, List<SessionRecord> sessions, List<DeviceRecord> knownDevices) {

	/**
	 * @param id the session id
	 * @param device the client that signed in
	 * @param createdAt when
	 * @param lastUsedAt when it last got tokens
	 * @param expiresAt when it ends at the latest
	 * @param revokedAt when it was ended, or {@code null}
	 */
	record SessionRecord(SessionId id, String device, Instant createdAt, Instant lastUsedAt, Instant expiresAt,
			@Nullable Instant revokedAt) {

	}

	/**
	 * @param createdAt when the browser first signed in
	 * @param lastUsedAt when it last did
	 */
	record DeviceRecord(Instant createdAt, Instant lastUsedAt) {

	}

}
