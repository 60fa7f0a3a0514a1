package com.notalabel.shared.testapp;

import java.time.Instant;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.types.id.UserId;

@Service
class Registrations {

	private final EventPublisher events;

	Registrations(EventPublisher events) {
		this.events = events;
	}

	@Transactional
	void register(String email) {
		this.events.publish(new UserRegistered(UserId.newId(), email, "Test Artist", Instant.now()));
	}

}
