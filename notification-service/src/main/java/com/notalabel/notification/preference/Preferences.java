package com.notalabel.notification.preference;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.notification.inbox.NotificationCategory.Channels;
import com.notalabel.types.id.UserId;

/**
 * Which channels each person gets each category on. A category the person never changed
 * has its defaults; a locked category keeps its inbox and mail on whatever is stored.
 */
@Service
public class Preferences {

	private final JdbcClient jdbc;

	Preferences(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public Channels channelsFor(UserId user, NotificationCategory category) {
		return this.jdbc.sql("select inbox, push, mail from preference where user_id = ? and category = ?")
			.params(user.value(), category.name())
			.query((rs, row) -> new Channels(rs.getBoolean("inbox"), rs.getBoolean("push"), rs.getBoolean("mail")))
			.optional()
			.map((stored) -> enforce(category, stored))
			.orElse(category.defaults());
	}

	@Transactional(readOnly = true)
	public Map<NotificationCategory, Channels> all(UserId user) {
		Map<NotificationCategory, Channels> all = new EnumMap<>(NotificationCategory.class);
		for (NotificationCategory category : NotificationCategory.values()) {
			all.put(category, category.defaults());
		}
		this.jdbc.sql("select category, inbox, push, mail from preference where user_id = ?")
			.param(user.value())
			.query((rs, row) -> {
				NotificationCategory category = NotificationCategory.valueOf(rs.getString("category"));
				all.put(category, enforce(category,
						new Channels(rs.getBoolean("inbox"), rs.getBoolean("push"), rs.getBoolean("mail"))));
				return category;
			})
			.list();
		return all;
	}

	/**
	 * Stores the channels of the categories given; the others stay as they are.
	 * @param user the person
	 * @param changes the categories to change
	 */
	@Transactional
	public void change(UserId user, Map<NotificationCategory, Channels> changes) {
		changes.forEach((category, channels) -> store(user, category, enforce(category, channels)));
	}

	/**
	 * Turns mail off for a category, as a mail's unsubscribe link does.
	 * @param user the person
	 * @param category the category
	 * @return whether mail is off now (a locked category keeps it on)
	 */
	@Transactional
	public boolean unsubscribeFromMail(UserId user, NotificationCategory category) {
		if (category.locked()) {
			return false;
		}
		Channels current = channelsFor(user, category);
		store(user, category, new Channels(current.inbox(), current.push(), false));
		return true;
	}

	/**
	 * Whether mails of a category may go to an address that has no account here.
	 * @param email the address
	 * @param category the category
	 * @return whether the address has not unsubscribed from it
	 */
	@Transactional(readOnly = true)
	public boolean mailOnFor(String email, NotificationCategory category) {
		return this.jdbc.sql("select count(*) from address_opt_out where email = ? and category = ?")
			.params(normalized(email), category.name())
			.query(Long.class)
			.single() == 0;
	}

	/**
	 * Turns mail of a category off for an address without an account, as the unsubscribe
	 * link of a mail to it does.
	 * @param email the address
	 * @param category the category
	 */
	@Transactional
	public void unsubscribeAddress(String email, NotificationCategory category) {
		this.jdbc.sql("""
				insert into address_opt_out (email, category, created_at) values (?, ?, now())
				on conflict (email, category) do nothing""").params(normalized(email), category.name()).update();
	}

	private static String normalized(String email) {
		return email.strip().toLowerCase(Locale.ROOT);
	}

	private void store(UserId user, NotificationCategory category, Channels channels) {
		this.jdbc.sql("""
				insert into preference (user_id, category, inbox, push, mail) values (?, ?, ?, ?, ?)
				on conflict (user_id, category) do update
				set inbox = excluded.inbox, push = excluded.push, mail = excluded.mail""")
			.params(user.value(), category.name(), channels.inbox(), channels.push(), channels.mail())
			.update();
	}

	private static Channels enforce(NotificationCategory category, Channels channels) {
		return category.locked() ? new Channels(true, channels.push(), true) : channels;
	}

}
