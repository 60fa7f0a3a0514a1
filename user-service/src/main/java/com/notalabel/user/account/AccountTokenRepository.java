package com.notalabel.user.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

import com.notalabel.user.account.AccountToken.Purpose;

public interface AccountTokenRepository extends Repository<AccountToken, String> {

	AccountToken save(AccountToken token);

	Optional<AccountToken> findById(String tokenHash);

	/**
	 * Uses a token up. Of two requests with the same token, the second waits for the
	 * first's row lock and then deletes nothing.
	 * @return 1 if this call used it, 0 if it was used, expired or never existed
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("delete from AccountToken t where t.tokenHash = :tokenHash and t.purpose = :purpose and t.expiresAt > :now")
	int consume(String tokenHash, Purpose purpose, Instant now);

	/**
	 * Invalidates the other tokens of a purpose once one was used.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("delete from AccountToken t where t.accountId = :accountId and t.purpose = :purpose")
	int deleteAll(UUID accountId, Purpose purpose);

	@Modifying
	@Query("delete from AccountToken t where t.expiresAt < :now")
	int deleteExpired(Instant now);

}
