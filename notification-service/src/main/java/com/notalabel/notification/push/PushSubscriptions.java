package com.notalabel.notification.push;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.notalabel.types.id.UserId;

/**
 * The {@code push_subscription} table: the browsers of each person that opted in. An
 * endpoint belongs to one browser profile, so subscribing it again (another account
 * signed in on the same browser) moves it to the person who subscribed last.
 */
@Repository
class PushSubscriptions {

	private final JdbcClient jdbc;

	private final Clock clock;

	PushSubscriptions(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * @return whether the subscription is new
	 */
	boolean save(UserId user, String endpoint, String p256dh, String auth) {
		return this.jdbc.sql("""
				insert into push_subscription (id, user_id, endpoint, p256dh, auth, created_at)
				values (?, ?, ?, ?, ?, ?)
				on conflict (endpoint) do update
				set user_id = excluded.user_id, p256dh = excluded.p256dh, auth = excluded.auth
				returning (xmax = 0) as inserted""")
			.params(UUID.randomUUID(), user.value(), endpoint, p256dh, auth, Timestamp.from(this.clock.instant()))
			.query(Boolean.class)
			.single();
	}

	void delete(UserId user, String endpoint) {
		this.jdbc.sql("delete from push_subscription where user_id = ? and endpoint = ?")
			.params(user.value(), endpoint)
			.update();
	}

	/**
	 * Forgets an endpoint the push service says is gone, unless it was subscribed anew
	 * with other keys meanwhile.
	 */
	void expire(String endpoint, String p256dh) {
		this.jdbc.sql("delete from push_subscription where endpoint = ? and p256dh = ?")
			.params(endpoint, p256dh)
			.update();
	}

	List<Subscription> of(UserId user) {
		return this.jdbc.sql("select endpoint, p256dh, auth from push_subscription where user_id = ?")
			.param(user.value())
			.query((rs, row) -> new Subscription(rs.getString("endpoint"), rs.getString("p256dh"),
					rs.getString("auth")))
			.list();
	}

	record Subscription(String endpoint, String p256dh, String auth) {

		@Override
		public String toString() {
			// The endpoint is a capability URL: whoever has it (and the keys) can push.
			return "Subscription[" + java.net.URI.create(this.endpoint).getHost() + "]";
		}

	}

}
