package com.notalabel.notification.recipient;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.types.id.UserId;

/**
 * The copy of each person's address and name. user-service owns them; this copy follows
 * its events and is erased with the person.
 */
@Service
public class Recipients {

	private final JdbcClient jdbc;

	Recipients(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(UserRegistered event) {
		this.jdbc.sql("""
				insert into recipient (user_id, email, display_name, updated_at) values (?, ?, ?, ?)
				on conflict (user_id) do update set email = excluded.email, display_name = excluded.display_name,
				  updated_at = excluded.updated_at
				where recipient.updated_at <= excluded.updated_at""")
			.params(event.userId().value(), event.email(), event.displayName(), Timestamp.from(event.registeredAt()))
			.update();
	}

	/**
	 * Learns the address of an account registered before this copy existed. A changed
	 * address is not taken from here: it is unverified until its owner opens the link.
	 * @param event the request for a verification mail
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void on(EmailVerificationRequested event) {
		this.jdbc.sql("""
				insert into recipient (user_id, email, display_name, updated_at) values (?, ?, ?, now())
				on conflict (user_id) do nothing""")
			.params(event.userId().value(), event.email(), event.displayName())
			.update();
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(UserProfileUpdated event) {
		this.jdbc.sql("update recipient set display_name = ? where user_id = ?")
			.params(event.displayName(), event.userId().value())
			.update();
	}

	@Transactional(readOnly = true)
	public Optional<Recipient> find(UserId user) {
		return this.jdbc.sql("select user_id, email, display_name from recipient where user_id = ?")
			.param(user.value())
			.query((rs, row) -> new Recipient(UserId.of(rs.getObject("user_id", UUID.class)), rs.getString("email"),
					rs.getString("display_name")))
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<Recipient> findByEmail(String email) {
		return this.jdbc.sql("select user_id, email, display_name from recipient where lower(email) = lower(?) limit 1")
			.param(email)
			.query((rs, row) -> new Recipient(UserId.of(rs.getObject("user_id", UUID.class)), rs.getString("email"),
					rs.getString("display_name")))
			.optional();
	}

}
