package com.notalabel.user.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.transaction.AfterCommit;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;

/**
 * What happens when a session is revoked, besides the session's own state: inside the
 * transaction, the durable {@code SessionRevoked} event and the revocation record that
 * survives the session (and its account); after the commit, the push to Redis that makes
 * the gateways refuse the session's access tokens within a second.
 */
@Component
class SessionRevocations {

	private static final Logger log = LoggerFactory.getLogger(SessionRevocations.class);

	private final JdbcClient jdbc;

	private final EventPublisher events;

	private final RevocationPropagation propagation;

	SessionRevocations(JdbcClient jdbc, EventPublisher events, RevocationPropagation propagation) {
		this.jdbc = jdbc;
		this.events = events;
		this.propagation = propagation;
	}

	/**
	 * Records a revocation; runs in the transaction that revoked the session.
	 * @param session the session, already revoked
	 * @param reason why
	 * @param now when
	 */
	void record(Session session, RevocationReason reason, Instant now) {
		this.jdbc
			.sql("insert into revoked_session (session_id, account_id, revoked_at, tokens_expire_at)"
					+ " values (?, ?, ?, ?) on conflict (session_id) do nothing")
			.params(session.id().value(), session.userId().value(), Timestamp.from(now),
					Timestamp.from(session.accessExpiresAt()))
			.update();
		this.events.publish(new SessionRevoked(session.userId(), session.id(), reason, now));
		(reason == RevocationReason.REFRESH_TOKEN_REUSE ? log.atWarn() : log.atInfo())
			.addKeyValue("event.action", "session-revoked")
			.addKeyValue("user.id", session.userId())
			.addKeyValue("session.id", session.id())
			.addKeyValue("reason", reason)
			.log((reason == RevocationReason.REFRESH_TOKEN_REUSE)
					? "Session revoked: a rotated refresh token came back, it was probably stolen" : "Session revoked");
		// One push for all the sessions a transaction revokes (a password change ends
		// every session of the account).
		AfterCommit.collect(this, session.id().value(), "push session revocations to Redis",
				(ids) -> this.propagation.pushSoon(Set.copyOf(ids)));
	}

}
