package com.notalabel.music.track;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * An artist's recording: the stored original, its editable metadata and where processing
 * stands.
 */
@Entity
@Table(name = "track")
public class Track {

	@Id
	private UUID id;

	private UUID ownerId;

	@Enumerated(EnumType.STRING)
	private TrackStatus status;

	private String title;

	private @Nullable String versionTitle;

	private @Nullable String isrc;

	private boolean explicit;

	private @Nullable String genre;

	private @Nullable String language;

	@ElementCollection(fetch = FetchType.LAZY)
	@CollectionTable(name = "track_credit", joinColumns = @JoinColumn(name = "track_id"))
	@OrderColumn(name = "position")
	private List<Credit> credits;

	private String format;

	private long sizeBytes;

	private String sha256;

	private String originalKey;

	private @Nullable String renditionKey;

	/** The upload's own tags as JSON, see {@code track.upload}. */
	@JdbcTypeCode(SqlTypes.JSON)
	@Column(columnDefinition = "jsonb")
	private String tags;

	private @Nullable String failureReason;

	private Instant createdAt;

	private Instant updatedAt;

	private @Nullable Instant processedAt;

	@Version
	private long version;

	protected Track() {
		this.id = new UUID(0, 0);
		this.ownerId = new UUID(0, 0);
		this.status = TrackStatus.PROCESSING;
		this.title = "";
		this.credits = new ArrayList<>();
		this.format = "";
		this.sha256 = "";
		this.originalKey = "";
		this.tags = "{}";
		this.createdAt = Instant.EPOCH;
		this.updatedAt = Instant.EPOCH;
	}

	/**
	 * A track whose original is stored and whose processing is about to be queued.
	 * @param id the track's id, also in its object key
	 * @param owner the artist
	 * @param title the title, from the metadata part, the tags or the file name
	 * @param format the format detected from the content
	 * @param sizeBytes the stored size
	 * @param sha256 the stored bytes' SHA-256, lower-case hex
	 * @param originalKey the original's object key
	 * @param tagsJson what the file's tags said, as JSON
	 * @param now the upload's completion
	 */
	public Track(TrackId id, UserId owner, String title, String format, long sizeBytes, String sha256,
			String originalKey, String tagsJson, Instant now) {
		this.id = id.value();
		this.ownerId = owner.value();
		this.status = TrackStatus.PROCESSING;
		this.title = title;
		this.credits = new ArrayList<>();
		this.format = format;
		this.sizeBytes = sizeBytes;
		this.sha256 = sha256;
		this.originalKey = originalKey;
		this.tags = tagsJson;
		this.createdAt = now;
		this.updatedAt = now;
	}

	public TrackId id() {
		return new TrackId(this.id);
	}

	public UserId ownerId() {
		return new UserId(this.ownerId);
	}

	public TrackStatus status() {
		return this.status;
	}

	public String title() {
		return this.title;
	}

	public @Nullable String versionTitle() {
		return this.versionTitle;
	}

	public @Nullable String isrc() {
		return this.isrc;
	}

	public boolean explicit() {
		return this.explicit;
	}

	public @Nullable String genre() {
		return this.genre;
	}

	public @Nullable String language() {
		return this.language;
	}

	public List<Credit> credits() {
		return List.copyOf(this.credits);
	}

	public String format() {
		return this.format;
	}

	public long sizeBytes() {
		return this.sizeBytes;
	}

	public String sha256() {
		return this.sha256;
	}

	public String originalKey() {
		return this.originalKey;
	}

	public @Nullable String renditionKey() {
		return this.renditionKey;
	}

	public String tagsJson() {
		return this.tags;
	}

	public @Nullable String failureReason() {
		return this.failureReason;
	}

	public Instant createdAt() {
		return this.createdAt;
	}

	public Instant updatedAt() {
		return this.updatedAt;
	}

	public @Nullable Instant processedAt() {
		return this.processedAt;
	}

	public void rename(String title, @Nullable String versionTitle, Instant now) {
		this.title = title;
		this.versionTitle = versionTitle;
		this.updatedAt = now;
	}

	public void describe(@Nullable String isrc, boolean explicit, @Nullable String genre, @Nullable String language,
			Instant now) {
		this.isrc = isrc;
		this.explicit = explicit;
		this.genre = genre;
		this.language = language;
		this.updatedAt = now;
	}

	public void credit(List<Credit> credits, Instant now) {
		this.credits.clear();
		this.credits.addAll(credits);
		this.updatedAt = now;
	}

	/**
	 * Processing succeeded.
	 * @param renditionKey the streaming rendition's object key
	 * @param now when it finished
	 */
	public void processed(String renditionKey, Instant now) {
		this.status = TrackStatus.READY;
		this.renditionKey = renditionKey;
		this.failureReason = null;
		this.processedAt = now;
		this.updatedAt = now;
	}

	/**
	 * Processing gave up.
	 * @param reason a sentence the artist can read
	 * @param now when it gave up
	 */
	public void failed(String reason, Instant now) {
		this.status = TrackStatus.FAILED;
		this.failureReason = reason;
		this.processedAt = now;
		this.updatedAt = now;
	}

}
