package com.notalabel.user.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.ZSetOperations.TypedTuple;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.shared.broadcast.Broadcaster;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.session.SessionRevocationNotice;

/**
 * Keeps the gateways' revocation list in Redis in step with {@code revoked_session}, the
 * source of truth in PostgreSQL.
 *
 * <ul>
 * <li>Right after a revocation commits, on a thread of its own so that a slow Redis never
 * delays the response: the session goes into the sorted set
 * {@link RedisKeys#revokedSessions()} (scored by when its last access token expires) and
 * a {@link SessionRevocationNotice} goes to every gateway; then the row is marked
 * propagated.</li>
 * <li>Rows still unmarked (Redis was down, the process died in between) are pushed every
 * few seconds until Redis takes them.</li>
 * <li>At start-up and every few minutes the whole live list is written again (the set may
 * have been lost with a Redis restart), and entries whose tokens have expired are removed
 * from Redis and from the table.</li>
 * </ul>
 * Every step is idempotent, so instances may run them side by side.
 */
@Component
class RevocationPropagation {

	private static final Logger log = LoggerFactory.getLogger(RevocationPropagation.class);

	private static final int BATCH = 500;

	/** Rows are kept a little past their tokens' expiry, for the record. */
	private static final Duration KEEP_EXPIRED = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final TransactionTemplate ownTransaction;

	private final StringRedisTemplate redis;

	private final Broadcaster broadcaster;

	private final RedisKeys keys;

	private final Clock clock;

	RevocationPropagation(JdbcClient jdbc, PlatformTransactionManager transactions, StringRedisTemplate redis,
			Broadcaster broadcaster, RedisKeys keys, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactions);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.redis = redis;
		this.broadcaster = broadcaster;
		this.keys = keys;
		this.clock = clock;
	}

	/**
	 * Pushes committed revocations on a virtual thread.
	 * @param sessionIds the revoked sessions
	 */
	void pushSoon(Collection<UUID> sessionIds) {
		Thread.ofVirtual().name("nal-revocation-push").start(() -> pushNow(sessionIds));
	}

	void pushNow(Collection<UUID> sessionIds) {
		try {
			this.ownTransaction.executeWithoutResult((status) -> push(this.jdbc
				.sql("select session_id, account_id, revoked_at, tokens_expire_at from revoked_session"
						+ " where session_id in (:ids) and propagated_at is null for update skip locked")
				.param("ids", sessionIds)
				.query(RevocationPropagation::pending)
				.list()));
		}
		catch (RuntimeException ex) {
			log.warn("Could not push {} session revocation(s) to Redis; they are retried from PostgreSQL: {}",
					sessionIds.size(), ex.getMessage());
		}
	}

	/**
	 * Pushes revocations that never reached Redis.
	 * @return how many were pushed
	 */
	@Scheduled(fixedDelayString = "${nal.sessions.revocation-retry-interval:5s}")
	int pushUnpropagated() {
		try {
			Integer pushed = this.ownTransaction.execute((status) -> {
				List<PendingRevocation> pending = this.jdbc
					.sql("select session_id, account_id, revoked_at, tokens_expire_at from revoked_session"
							+ " where propagated_at is null order by revoked_at limit ? for update skip locked")
					.param(BATCH)
					.query(RevocationPropagation::pending)
					.list();
				push(pending);
				return pending.size();
			});
			return (pushed != null) ? pushed : 0;
		}
		catch (RuntimeException ex) {
			log.warn("Session revocations still wait for Redis: {}", ex.getMessage());
			return 0;
		}
	}

	/**
	 * Writes every live revocation to Redis again and forgets expired ones.
	 */
	@Scheduled(fixedDelayString = "${nal.sessions.revocation-resync-interval:5m}",
			initialDelayString = "${nal.sessions.revocation-resync-interval:5m}")
	@EventListener(ApplicationReadyEvent.class)
	void resync() {
		Instant now = this.clock.instant();
		try {
			List<PendingRevocation> live = this.jdbc
				.sql("select session_id, account_id, revoked_at, tokens_expire_at from revoked_session"
						+ " where tokens_expire_at > ? and propagated_at is not null")
				.param(Timestamp.from(now))
				.query(RevocationPropagation::pending)
				.list();
			for (int from = 0; from < live.size(); from += BATCH) {
				addAll(live.subList(from, Math.min(live.size(), from + BATCH)));
			}
			this.redis.opsForZSet().removeRangeByScore(this.keys.revokedSessions(), 0, now.toEpochMilli());
		}
		catch (RuntimeException ex) {
			log.warn("Could not rewrite the revoked sessions in Redis; retrying at the next run: {}", ex.getMessage());
		}
		pushUnpropagated();
		this.jdbc.sql("delete from revoked_session where tokens_expire_at < ? and propagated_at is not null")
			.param(Timestamp.from(now.minus(KEEP_EXPIRED)))
			.update();
	}

	/**
	 * Runs in the transaction that holds the rows' locks: marked only if Redis took them.
	 */
	private void push(List<PendingRevocation> pending) {
		if (pending.isEmpty()) {
			return;
		}
		addAll(pending);
		for (PendingRevocation revocation : pending) {
			this.broadcaster.publish(SessionRevocationNotice.CHANNEL,
					new SessionRevocationNotice(SessionId.of(revocation.sessionId()), UserId.of(revocation.accountId()),
							revocation.revokedAt(), revocation.tokensExpireAt()));
		}
		this.jdbc.sql("update revoked_session set propagated_at = :now where session_id in (:ids)")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("ids", pending.stream().map(PendingRevocation::sessionId).toList())
			.update();
	}

	private void addAll(List<PendingRevocation> revocations) {
		Set<TypedTuple<String>> entries = revocations.stream()
			.map((revocation) -> TypedTuple.of(revocation.sessionId().toString(),
					(double) revocation.tokensExpireAt().toEpochMilli()))
			.collect(Collectors.toSet());
		this.redis.opsForZSet().add(this.keys.revokedSessions(), entries);
	}

	private static PendingRevocation pending(ResultSet rs, int row) throws SQLException {
		return new PendingRevocation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
				rs.getTimestamp(3).toInstant(), rs.getTimestamp(4).toInstant());
	}

	private record PendingRevocation(UUID sessionId, UUID accountId, Instant revokedAt, Instant tokensExpireAt) {

	}

}
