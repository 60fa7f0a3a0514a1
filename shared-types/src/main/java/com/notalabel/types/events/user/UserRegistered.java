package com.notalabel.types.events.user;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.UserId;

/**
 * A person created an account. The address is not verified yet; that is what
 * {@link EmailVerificationRequested} is for.
 *
 * @param userId the new account
 * @param email the address the person signed up with
 * @param displayName the name they chose
 * @param registeredAt when the account was created
 */
@EventType(name = "user.UserRegistered", producer = "user-service")
public record UserRegistered(UserId userId, String email, String displayName,
		Instant registeredAt) implements DomainEvent {

	public UserRegistered {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(email, "email");
		Objects.requireNonNull(displayName, "displayName");
		Objects.requireNonNull(registeredAt, "registeredAt");
	}

	@Override
	public String subject() {
		return this.userId.toString();
	}

}
