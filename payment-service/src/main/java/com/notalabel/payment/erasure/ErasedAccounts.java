package com.notalabel.payment.erasure;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.id.UserId;

/**
 * Which accounts were erased, for the code that books money to them.
 */
@Component
public class ErasedAccounts {

	private final JdbcClient jdbc;

	ErasedAccounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public boolean isErased(UserId user) {
		return !among(Set.of(user.value())).isEmpty();
	}

	/**
	 * @param users some accounts
	 * @return those of them that were erased
	 */
	@Transactional(readOnly = true)
	public Set<UUID> among(Collection<UUID> users) {
		Set<UUID> erased = new HashSet<>();
		if (users.isEmpty()) {
			return erased;
		}
		this.jdbc.sql("select user_id from erased_account where user_id = any(?)")
			.param(users.toArray(UUID[]::new))
			.query(UUID.class)
			.list()
			.forEach(erased::add);
		return erased;
	}

}
