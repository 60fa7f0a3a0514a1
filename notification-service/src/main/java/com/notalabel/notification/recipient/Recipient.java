package com.notalabel.notification.recipient;

import com.notalabel.types.id.UserId;

/**
 * Where a person's mail goes.
 *
 * @param userId the person
 * @param email their address
 * @param displayName how mails address them
 */
public record Recipient(UserId userId, String email, String displayName) {

	@Override
	public String toString() {
		return "Recipient[userId=" + this.userId + "]";
	}

}
