package com.notalabel.music.track;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/**
 * Tracks, always looked up together with their owner.
 */
public interface TrackRepository extends JpaRepository<Track, UUID> {

	Optional<Track> findByIdAndOwnerId(UUID id, UUID ownerId);

	Page<Track> findByOwnerId(UUID ownerId, Pageable pageable);

	Page<Track> findByOwnerIdAndStatus(UUID ownerId, TrackStatus status, Pageable pageable);

	Optional<Track> findByOwnerIdAndSha256(UUID ownerId, String sha256);

	List<Track> findByOwnerId(UUID ownerId);

	/**
	 * The bytes an artist's originals take up, for the storage quota.
	 * @param ownerId the artist
	 * @return the total size
	 */
	@Query("select coalesce(sum(t.sizeBytes), 0) from Track t where t.ownerId = :ownerId")
	long storageUsedBy(UUID ownerId);

	/**
	 * How many of the given tracks the artist owns, to check a track list in one query.
	 * @param ids the tracks
	 * @param ownerId the artist
	 * @return the number owned
	 */
	long countByIdInAndOwnerId(List<UUID> ids, UUID ownerId);

}
