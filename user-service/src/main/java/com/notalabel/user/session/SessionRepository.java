package com.notalabel.user.session;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface SessionRepository extends Repository<Session, UUID> {

	Session save(Session session);

	/**
	 * Locks the session for the rest of the transaction: refreshes, revocations and
	 * sign-outs of one session happen one after the other.
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Session s where s.id = :id")
	Optional<Session> lockById(UUID id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Session s where s.accountId = :accountId and s.revokedAt is null order by s.id")
	List<Session> lockUnrevoked(UUID accountId);

	@Query(value = "select s from Session s where s.accountId = :accountId and s.revokedAt is null"
			+ " and s.expiresAt > :now order by s.lastUsedAt desc, s.id",
			countQuery = "select count(s) from Session s where s.accountId = :accountId and s.revokedAt is null"
					+ " and s.expiresAt > :now")
	Page<Session> findActive(UUID accountId, Instant now, Pageable page);

	List<Session> findByAccountIdOrderByCreatedAt(UUID accountId);

	@Query("select count(s) > 0 from Session s where s.id = :id and s.accountId = :accountId and s.revokedAt is null")
	boolean isUnrevoked(UUID id, UUID accountId);

	/**
	 * Deletes sessions nobody can use any more: expired, or revoked and with no access
	 * token left that a gateway must refuse (the revocation itself is kept elsewhere).
	 */
	@Modifying
	@Query("delete from Session s where s.expiresAt < :now or (s.revokedAt is not null and s.accessExpiresAt < :now)")
	int deleteFinished(Instant now);

}
