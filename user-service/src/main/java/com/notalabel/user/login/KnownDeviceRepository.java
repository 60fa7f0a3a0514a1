package com.notalabel.user.login;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface KnownDeviceRepository extends Repository<KnownDevice, String> {

	KnownDevice save(KnownDevice device);

	Optional<KnownDevice> findById(String tokenHash);

	List<KnownDevice> findByAccountIdOrderByCreatedAt(UUID accountId);

	@Modifying
	@Query("delete from KnownDevice d where d.lastUsedAt < :cutoff")
	int deleteUnusedSince(Instant cutoff);

}
