package com.notalabel.music.album;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

/**
 * Albums, always looked up together with their owner.
 */
interface AlbumRepository extends JpaRepository<Album, UUID> {

	Optional<Album> findByIdAndOwnerId(UUID id, UUID ownerId);

	/**
	 * The album, locked until the transaction ends, so that changes to one album queue up
	 * rather than fail on its version.
	 * @param id the album
	 * @param ownerId the artist
	 * @return the album, if the artist owns it
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Album a where a.id = :id and a.ownerId = :ownerId")
	Optional<Album> lockByIdAndOwnerId(UUID id, UUID ownerId);

	/**
	 * A page of the artist's albums; the alias {@code a} is what a sort by an expression
	 * names.
	 * @param ownerId the artist
	 * @param pageable the page and its order
	 * @return the page
	 */
	@Query(value = "select a from Album a where a.ownerId = :ownerId",
			countQuery = "select count(a) from Album a where a.ownerId = :ownerId")
	Page<Album> findPage(UUID ownerId, Pageable pageable);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select a from Album a where a.ownerId = :ownerId and :trackId member of a.trackIds")
	List<Album> lockByOwnerIdAndTrack(UUID ownerId, UUID trackId);

}
