package com.notalabel.user.account;

import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

public interface AccountRepository extends Repository<Account, UUID> {

	Account save(Account account);

	Account saveAndFlush(Account account);

	Optional<Account> findById(UUID id);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Account a where a.id = :id")
	Optional<Account> lockById(UUID id);

	/**
	 * @param email the normalised address
	 */
	Optional<Account> findByEmail(String email);

	boolean existsByEmail(String email);

	Optional<Account> findByHandle(String handle);

	boolean existsByHandleAndIdNot(String handle, UUID id);

	Page<Account> findAllByOrderByCreatedAt(Pageable page);

	void delete(Account account);

}
