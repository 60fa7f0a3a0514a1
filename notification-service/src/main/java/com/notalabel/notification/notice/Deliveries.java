package com.notalabel.notification.notice;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.notalabel.types.id.UserId;

/**
 * Which event went out on which channel to whom. A claim is written in the transaction
 * that decides to deliver, so that an event delivered twice by the bus is mailed or
 * pushed once.
 */
@Repository
class Deliveries {

	enum Channel {

		MAIL, PUSH

	}

	private final JdbcClient jdbc;

	private final Clock clock;

	Deliveries(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return whether this is the first delivery of the event to the person on the
	 * channel
	 */
	boolean claim(UUID eventId, UserId user, Channel channel) {
		return this.jdbc.sql("""
				insert into delivery (event_id, user_id, channel, delivered_at) values (?, ?, ?, ?)
				on conflict do nothing""")
			.params(eventId, user.value(), channel.name(), Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/**
	 * Claims the push of an event to a person who has a browser subscribed: one
	 * statement, since most people have none and every event asks.
	 * @return whether the person has a subscription and this is the event's first push
	 */
	boolean claimPush(UUID eventId, UserId user) {
		return this.jdbc.sql("""
				insert into delivery (event_id, user_id, channel, delivered_at)
				select ?, ?, 'PUSH', ? where exists (select 1 from push_subscription where user_id = ?)
				on conflict do nothing""")
			.params(eventId, user.value(), Timestamp.from(this.clock.instant()), user.value())
			.update() == 1;
	}

	/**
	 * @return whether this is the first mail of the event to its address
	 */
	boolean claimAddress(UUID eventId) {
		return this.jdbc
			.sql("insert into address_delivery (event_id, delivered_at) values (?, ?) on conflict do nothing")
			.params(eventId, Timestamp.from(this.clock.instant()))
			.update() == 1;
	}

	/**
	 * The identity of one delivery, the same however often the event arrives: the mail's
	 * {@code Message-ID}, the push message's id when the inbox has none.
	 */
	static UUID identity(UUID eventId, UserId user, Channel channel) {
		return UUID.nameUUIDFromBytes(
				(eventId + "/" + user.value() + "/" + channel).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

}
