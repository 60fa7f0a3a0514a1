package com.notalabel.notification.notice;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.notalabel.notification.inbox.Notice;
import com.notalabel.notification.inbox.Notification;
import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.notification.inbox.NotificationCategory.Channels;
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
	 * Decides and records a notice's inbox and push delivery in one statement, since
	 * every event of the busiest kinds asks (issue 19): the person's channels for the
	 * category (stored, else the category's defaults; a locked category keeps inbox and
	 * mail on, as {@code Preferences} enforces), the inbox row unless the event gave the
	 * person one already, with the unread count, and the push claim if push is on and the
	 * person has a subscribed browser.
	 * @param notificationId the id the inbox row gets if it is added
	 * @return what was decided and recorded
	 */
	Decided decide(UUID eventId, Notice notice, UUID notificationId) {
		NotificationCategory category = notice.category();
		Channels defaults = category.defaults();
		Timestamp now = Timestamp.from(this.clock.instant());
		// The unread count reads the statement's snapshot, which does not hold the row it inserts.
		return this.jdbc.sql("""
				with stored as (
				  select inbox, push, mail from preference where user_id = :user and category = :category
				), channels as (
				  select coalesce((select inbox from stored), :defaultInbox) or :locked as inbox,
				    coalesce((select push from stored), :defaultPush) as push,
				    coalesce((select mail from stored), :defaultMail) or :locked as mail
				), added as (
				  insert into notification (id, user_id, event_id, category, title, body, link, occurred_at, created_at)
				  select :id, :user, :event, :category, :title, :body, :link, :occurredAt, :now
				  from channels where channels.inbox
				  on conflict (event_id, user_id) do nothing
				  returning seq, id, user_id, category, title, body, link, occurred_at, read_at
				), pushed as (
				  insert into delivery (event_id, user_id, channel, delivered_at)
				  select :event, :user, 'PUSH', :now
				  from channels where channels.push and exists (select 1 from push_subscription where user_id = :user)
				  on conflict do nothing
				  returning event_id
				)
				select channels.inbox as inbox_on, channels.push as push_on, channels.mail as mail_on,
				  exists (select 1 from pushed) as push_claimed, added.*,
				  case when added.seq is null then 0 else (select count(*) from notification n
				    where n.user_id = :user and n.read_at is null) + 1 end as unread
				from channels left join added on true""")
			.param("user", notice.recipient().value())
			.param("category", category.name())
			.param("defaultInbox", defaults.inbox())
			.param("defaultPush", defaults.push())
			.param("defaultMail", defaults.mail())
			.param("locked", category.locked())
			.param("id", notificationId)
			.param("event", eventId)
			.param("title", notice.title())
			.param("body", notice.body())
			.param("link", notice.link())
			.param("occurredAt", Timestamp.from(notice.occurredAt()))
			.param("now", now)
			.query((rs, row) -> new Decided(
					new Channels(rs.getBoolean("inbox_on"), rs.getBoolean("push_on"), rs.getBoolean("mail_on")),
					(rs.getObject("seq") != null) ? Optional.of(notification(rs)) : Optional.empty(),
					rs.getLong("unread"), rs.getBoolean("push_claimed")))
			.single();
	}

	private static Notification notification(ResultSet rs) throws SQLException {
		Timestamp readAt = rs.getTimestamp("read_at");
		return new Notification(rs.getLong("seq"), rs.getObject("id", UUID.class),
				UserId.of(rs.getObject("user_id", UUID.class)), NotificationCategory.valueOf(rs.getString("category")),
				rs.getString("title"), rs.getString("body"), rs.getString("link"),
				rs.getTimestamp("occurred_at").toInstant(), (readAt != null) ? readAt.toInstant() : null);
	}

	/**
	 * @param channels the person's channels for the notice's category
	 * @param added the inbox row added, or empty (inbox off, or the event seen before)
	 * @param unread the person's unread notifications with it, when added
	 * @param pushClaimed whether the push is this event's first to the person
	 */
	record Decided(Channels channels, Optional<Notification> added, long unread, boolean pushClaimed) {

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
