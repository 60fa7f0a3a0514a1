package com.notalabel.music.album;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.BatchSize;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.catalog.Upc;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A single, EP or album: what the artist says about it, its tracks in running order and
 * its cover artwork.
 */
@Entity
@Table(name = "album")
public class Album {

	@Id
	private UUID id;

	private UUID ownerId;

	private String title;

	@Enumerated(EnumType.STRING)
	private AlbumType type;

	private @Nullable String upc;

	private @Nullable LocalDate releaseDate;

	private @Nullable String labelName;

	private @Nullable String primaryGenre;

	@Column(name = "p_line")
	private @Nullable String pLine;

	@Column(name = "c_line")
	private @Nullable String cLine;

	// A track deleted from the catalogue leaves its album by the foreign key's cascade,
	// which leaves a gap in the positions: Hibernate reads the gap as a null element.
	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "album_track", joinColumns = @JoinColumn(name = "album_id"))
	@OrderColumn(name = "position")
	@Column(name = "track_id")
	@BatchSize(size = 100)
	private List<@Nullable UUID> trackIds;

	@Embedded
	private @Nullable AlbumArtwork artwork;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private long version;

	protected Album() {
		this.id = new UUID(0, 0);
		this.ownerId = new UUID(0, 0);
		this.title = "";
		this.type = AlbumType.SINGLE;
		this.trackIds = new ArrayList<>();
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	Album(AlbumId id, UserId owner, AlbumDetails details, Instant now) {
		this();
		this.id = id.value();
		this.ownerId = owner.value();
		apply(details);
		this.createdAt = now;
		this.updatedAt = now;
	}

	public AlbumId id() {
		return new AlbumId(this.id);
	}

	public UserId ownerId() {
		return new UserId(this.ownerId);
	}

	AlbumDetails details() {
		return new AlbumDetails(this.title, this.type, (this.upc != null) ? new Upc(this.upc) : null, this.releaseDate,
				this.labelName, this.primaryGenre, this.pLine, this.cLine);
	}

	/**
	 * The tracks in running order.
	 * @return the track ids, first track first
	 */
	public List<TrackId> trackIds() {
		return this.trackIds.stream().filter(Objects::nonNull).map(TrackId::new).toList();
	}

	public @Nullable AlbumArtwork artwork() {
		return this.artwork;
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	/**
	 * Replaces what the artist says about the release.
	 * @param details the new details
	 * @param now the time of the change
	 * @return whether anything changed
	 */
	boolean describe(AlbumDetails details, Instant now) {
		if (details.equals(details())) {
			return false;
		}
		apply(details);
		this.updatedAt = now;
		return true;
	}

	/**
	 * Sets the running order. The caller has checked that the tracks are the owner's and
	 * listed once.
	 * @param tracks the tracks, first track first
	 * @param now the time of the change
	 * @return whether the order changed
	 */
	boolean arrange(List<TrackId> tracks, Instant now) {
		if (tracks.equals(trackIds()) && !this.trackIds.contains(null)) {
			return false;
		}
		this.trackIds.clear();
		tracks.forEach((track) -> this.trackIds.add(track.value()));
		this.updatedAt = now;
		return true;
	}

	/**
	 * Takes a track off the album, closing the gap it leaves.
	 * @param track the track
	 * @param now the time of the change
	 * @return whether the track was on the album
	 */
	boolean remove(TrackId track, Instant now) {
		List<TrackId> remaining = new ArrayList<>(trackIds());
		return remaining.remove(track) && arrange(remaining, now);
	}

	/**
	 * Puts a new cover on the album.
	 * @param cover the stored cover
	 * @return the cover it replaces, whose objects are no longer needed
	 */
	@Nullable AlbumArtwork cover(AlbumArtwork cover) {
		AlbumArtwork previous = this.artwork;
		this.artwork = cover;
		this.updatedAt = cover.updatedAt();
		return previous;
	}

	/**
	 * Takes the cover off the album.
	 * @param now the time of the change
	 * @return the cover removed, or {@code null} if there was none
	 */
	@Nullable AlbumArtwork uncover(Instant now) {
		AlbumArtwork previous = this.artwork;
		if (previous != null) {
			this.artwork = null;
			this.updatedAt = now;
		}
		return previous;
	}

	private void apply(AlbumDetails details) {
		this.title = details.title();
		this.type = details.type();
		this.upc = (details.upc() != null) ? details.upc().value() : null;
		this.releaseDate = details.releaseDate();
		this.labelName = details.labelName();
		this.primaryGenre = details.primaryGenre();
		this.pLine = details.pLine();
		this.cLine = details.cLine();
	}

}
