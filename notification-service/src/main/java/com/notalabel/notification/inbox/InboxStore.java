package com.notalabel.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.notalabel.types.id.UserId;

/**
 * The {@code notification} table. Plain SQL rather than JPA: the insert must be an
 * {@code on conflict do nothing} that tells whether it inserted, and the live stream
 * reads by sequence ranges.
 */
@Repository
class InboxStore {

	private static final String COLUMNS = "seq, id, user_id, category, title, body, link, occurred_at, read_at";

	private final JdbcClient jdbc;

	InboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Adds a notification unless the event already gave the person one, and counts the
	 * person's unread ones with it in one round trip: the live stream sends both, for
	 * every event.
	 */
	Optional<Added> add(UUID eventId, Notice notice, Instant now) {
		// The count reads the statement's snapshot, which does not hold the row it inserts.
		return this.jdbc.sql("""
				with added as (
				  insert into notification (id, user_id, event_id, category, title, body, link, occurred_at, created_at)
				  values (?, ?, ?, ?, ?, ?, ?, ?, ?)
				  on conflict (event_id, user_id) do nothing
				  returning\s""" + COLUMNS + """
				)
				select added.*, (select count(*) from notification n where n.user_id = added.user_id
				  and n.read_at is null) + 1 as unread
				from added""")
			.params(UUID.randomUUID(), notice.recipient().value(), eventId, notice.category().name(), notice.title(),
					notice.body(), notice.link(), Timestamp.from(notice.occurredAt()), Timestamp.from(now))
			.query((rs, row) -> new Added(map(rs, row), rs.getLong("unread")))
			.optional();
	}

	/**
	 * @param notification the notification added
	 * @param unread the person's unread notifications with it
	 */
	record Added(Notification notification, long unread) {

	}

	List<Notification> page(UserId user, boolean unreadOnly, int page, int size) {
		return this.jdbc
			.sql("select " + COLUMNS + " from notification where user_id = ?"
					+ (unreadOnly ? " and read_at is null" : "") + " order by seq desc limit ? offset ?")
			.params(user.value(), size, (long) page * size)
			.query(InboxStore::map)
			.list();
	}

	long count(UserId user, boolean unreadOnly) {
		return this.jdbc
			.sql("select count(*) from notification where user_id = ?" + (unreadOnly ? " and read_at is null" : ""))
			.param(user.value())
			.query(Long.class)
			.single();
	}

	/**
	 * The notifications after a point of the live stream, oldest first.
	 */
	List<Notification> after(UserId user, long seq, int limit) {
		return this.jdbc
			.sql("select " + COLUMNS + " from notification where user_id = ? and seq > ? order by seq limit ?")
			.params(user.value(), seq, limit)
			.query(InboxStore::map)
			.list();
	}

	/**
	 * @return whether the person has such a notification (read before or not)
	 */
	boolean markRead(UserId user, UUID id, Instant now) {
		return this.jdbc.sql("update notification set read_at = coalesce(read_at, ?) where user_id = ? and id = ?")
			.params(Timestamp.from(now), user.value(), id)
			.update() == 1;
	}

	int markAllRead(UserId user, Instant now) {
		return this.jdbc.sql("update notification set read_at = ? where user_id = ? and read_at is null")
			.params(Timestamp.from(now), user.value())
			.update();
	}

	int erase(UserId user) {
		return this.jdbc.sql("delete from notification where user_id = ?").param(user.value()).update();
	}

	private static Notification map(ResultSet rs, int row) throws SQLException {
		return new Notification(rs.getLong("seq"), rs.getObject("id", UUID.class),
				UserId.of(rs.getObject("user_id", UUID.class)), NotificationCategory.valueOf(rs.getString("category")),
				rs.getString("title"), rs.getString("body"), rs.getString("link"),
				rs.getTimestamp("occurred_at").toInstant(), instant(rs.getTimestamp("read_at")));
	}

	private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

}
