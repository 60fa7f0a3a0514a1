package com.notalabel.types.events.user;

import java.time.Instant;
import java.util.Objects;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.UserId;

/**
 * An account was deleted. Every service that holds data about the person erases or
 * anonymises it.
 *
 * @param userId the deleted account
 * @param deletedAt when it was deleted
 */
@EventType(name = "user.UserDeleted", producer = "user-service")
public record UserDeleted(UserId userId, Instant deletedAt) implements DomainEvent {

	public UserDeleted {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(deletedAt, "deletedAt");
	}

	@Override
	public String subject() {
		return this.userId.toString();
	}

}
