package com.notalabel.notification.inbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.notalabel.types.id.UserId;

/**
 * Reading and changing the {@code notification} table. Plain SQL rather than JPA: the
 * live stream reads by sequence ranges. Rows are added by the notifier's delivery
 * statement ({@code Deliveries}), which decides the other channels with them.
 */
@Repository
class InboxStore {

	private static final String COLUMNS = "seq, id, user_id, category, title, body, link, occurred_at, read_at";

	private final JdbcClient jdbc;

	InboxStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
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
