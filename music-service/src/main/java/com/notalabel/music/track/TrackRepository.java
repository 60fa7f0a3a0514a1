package com.notalabel.music.track;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import com.notalabel.types.id.UserId;

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

	/**
	 * A page of an artist's tracks, optionally of one status; the order comes with the
	 * page request, in terms of the alias {@code t}.
	 * @param ownerId the artist
	 * @param status the status, or {@code null} for all
	 * @param pageable the page and its order
	 * @return the page
	 */
	@Query(value = "select t from Track t where t.ownerId = :ownerId and (:status is null or t.status = :status)",
			countQuery = "select count(t) from Track t where t.ownerId = :ownerId and (:status is null or t.status = :status)")
	Page<Track> findPage(UUID ownerId, @Nullable TrackStatus status, Pageable pageable);

	/**
	 * Loads the credits of tracks already in the persistence context in one query, so
	 * that a page of tracks does not load them one track at a time.
	 * @param ids the tracks
	 * @return the tracks, credits loaded
	 */
	@Query("select distinct t from Track t left join fetch t.credits where t.id in :ids")
	List<Track> loadCredits(Collection<UUID> ids);

	/**
	 * Serializes the final step of an artist's uploads (duplicate and quota checks, then
	 * the insert) until the transaction ends; other artists are not held up.
	 * @param key the artist's lock key
	 * @return 1
	 */
	@Query(value = "select 1 from pg_advisory_xact_lock(:key)", nativeQuery = true)
	int lockUploadsOf(long key);

	/**
	 * Takes the artist's upload lock ({@link #lockUploadsOf(long)}) until the transaction
	 * ends: held by the last step of every upload and by the erasure of the account.
	 * @param owner the artist
	 */
	default void lockUploadsOf(UserId owner) {
		UUID id = owner.value();
		lockUploadsOf(id.getMostSignificantBits() ^ id.getLeastSignificantBits());
	}

	/**
	 * Whether the artist's account was erased, so that a late upload records nothing.
	 * @param ownerId the artist
	 * @return {@code true} once {@code UserDeleted} was handled
	 */
	@Query(value = "select exists (select 1 from erased_account where owner_id = :ownerId)", nativeQuery = true)
	boolean isErased(UUID ownerId);

}
