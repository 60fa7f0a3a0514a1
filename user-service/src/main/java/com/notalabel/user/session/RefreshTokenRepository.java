package com.notalabel.user.session;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface RefreshTokenRepository extends Repository<RefreshToken, String> {

	RefreshToken save(RefreshToken token);

	Optional<RefreshToken> findById(String tokenHash);

	@Query("select t.sessionId from RefreshToken t where t.tokenHash = :tokenHash")
	Optional<UUID> findSessionIdOf(String tokenHash);

}
