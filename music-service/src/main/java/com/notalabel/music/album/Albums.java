package com.notalabel.music.album;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.JpaSort;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.music.storage.ObjectKeys;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.shared.web.SortOrder;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.transaction.AfterCommit;
import com.notalabel.shared.web.JsonMergePatch;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.shared.web.Problems.FieldError;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Creates, changes and deletes albums. Every change publishes the album's whole state as
 * {@link AlbumUpdated} in its transaction.
 */
@Service
public class Albums {

	/** More than any box set; a longer list is a client bug, not a release. */
	static final int MAX_TRACKS = 200;

	/**
	 * Newest first unless asked otherwise; the id breaks ties, so that pages never
	 * overlap.
	 */
	static final String DEFAULT_SORT = "created,desc";

	static final List<SortOrder.Key> ORDERS = List.of(
			new SortOrder.Key("created", Sort.Direction.DESC,
					(by) -> Sort.by(new Sort.Order(by, "createdAt"), new Sort.Order(by, "id"))),
			new SortOrder.Key("title", Sort.Direction.ASC,
					(by) -> JpaSort.unsafe(by, "lower(a.title)").and(Sort.by(by, "id"))));

	private final AlbumRepository albums;

	private final TrackRepository tracks;

	private final EventPublisher events;

	private final ObjectStore storage;

	private final Validator validator;

	private final JsonMapper mapper;

	private final Clock clock;

	Albums(AlbumRepository albums, TrackRepository tracks, EventPublisher events, ObjectStore storage,
			Validator validator, JsonMapper mapper, Clock clock) {
		this.albums = albums;
		this.tracks = tracks;
		this.events = events;
		this.storage = storage;
		this.validator = validator;
		this.mapper = mapper;
		this.clock = clock;
	}

	@Transactional
	AlbumResponse create(UserId owner, AlbumRequest request) {
		AlbumDetails details = validated(request);
		Album album = this.albums.save(new Album(AlbumId.newId(), owner, details, now()));
		publish(album, false, album.updatedAt());
		return response(album);
	}

	@Transactional(readOnly = true)
	PageResponse<AlbumResponse> list(UserId owner, PageQuery page, String sort) {
		Page<Album> found = this.albums.findPage(owner.value(), page.pageable(SortOrder.of(sort, ORDERS)));
		Set<UUID> trackIds = new HashSet<>();
		found.forEach((album) -> album.trackIds().forEach((track) -> trackIds.add(track.value())));
		Map<UUID, Track> tracksById = tracksById(owner, trackIds);
		return PageResponse.of(found, (album) -> AlbumResponse.of(album, tracksById));
	}

	@Transactional(readOnly = true)
	AlbumResponse get(UserId owner, AlbumId id) {
		return response(find(owner, id));
	}

	/**
	 * Applies a JSON merge patch (RFC 7396): a field that is present replaces the stored
	 * one, {@code null} clears it, an absent field stays. A patch with a field an album
	 * does not have, or with any invalid value, changes nothing.
	 */
	@Transactional
	AlbumResponse update(UserId owner, AlbumId id, Map<String, @Nullable Object> patch) {
		List<FieldError> unknown = patch.keySet()
			.stream()
			.filter((name) -> !AlbumRequest.FIELD_NAMES.contains(name))
			.sorted()
			.map((name) -> new FieldError(name, "is not a field of an album"))
			.toList();
		if (!unknown.isEmpty()) {
			throw new AlbumRejected("The request has a field an album does not have.", unknown);
		}
		Album album = lock(owner, id);
		AlbumDetails details = validated(merge(AlbumRequest.of(album.details()), patch));
		if (album.describe(details, now())) {
			publish(album, false, album.updatedAt());
		}
		return response(album);
	}

	/**
	 * Sets the running order. Every track must be the artist's own and listed once; a
	 * list that names another artist's track is refused exactly like one that names a
	 * track that does not exist, and changes nothing.
	 */
	@Transactional
	AlbumResponse arrange(UserId owner, AlbumId id, TrackListRequest request) {
		List<UUID> requested = checkedTrackList(request);
		Album album = lock(owner, id);
		Map<UUID, Track> owned = tracksById(owner, requested);
		List<FieldError> unknown = new ArrayList<>();
		for (int i = 0; i < requested.size(); i++) {
			if (!owned.containsKey(requested.get(i))) {
				unknown.add(new FieldError("trackIds[" + i + "]", "is not a track in your catalogue"));
			}
		}
		if (!unknown.isEmpty()) {
			throw new UnknownTracks(unknown);
		}
		if (album.arrange(requested.stream().map(TrackId::new).toList(), now())) {
			publish(album, false, album.updatedAt());
		}
		return AlbumResponse.of(album, owned);
	}

	/**
	 * Deletes the album and, once that is committed, its artwork objects.
	 */
	@Transactional
	void delete(UserId owner, AlbumId id) {
		Album album = lock(owner, id);
		publish(album, true, now());
		this.albums.delete(album);
		String prefix = ObjectKeys.artworkPrefix(owner, id);
		// Should this fail, what is left in the bucket is unreachable and goes with the
		// owner's prefix on erasure.
		AfterCommit.run("remove the artwork of deleted album " + id, () -> this.storage.deletePrefix(prefix));
	}

	/**
	 * The album's cover, for serving it.
	 * @param owner the artist
	 * @param id the album
	 * @return the cover, or {@code null} if the album has none
	 * @throws AlbumNotFound if the artist has no such album
	 */
	@Transactional(readOnly = true)
	public @Nullable AlbumArtwork artwork(UserId owner, AlbumId id) {
		return find(owner, id).artwork();
	}

	/**
	 * Puts a stored cover on the album.
	 * @param owner the artist
	 * @param id the album
	 * @param cover the cover, whose objects are stored
	 * @return the album and the cover it replaced
	 * @throws AlbumNotFound if the artist has no such album (any more)
	 */
	@Transactional
	public CoverChanged cover(UserId owner, AlbumId id, AlbumArtwork cover) {
		Album album = lock(owner, id);
		AlbumArtwork previous = album.cover(cover);
		publish(album, false, album.updatedAt());
		return new CoverChanged(response(album), previous);
	}

	/**
	 * Takes the cover off the album.
	 * @param owner the artist
	 * @param id the album
	 * @return the album and the cover removed, if there was one
	 * @throws AlbumNotFound if the artist has no such album
	 */
	@Transactional
	public CoverChanged uncover(UserId owner, AlbumId id) {
		Album album = lock(owner, id);
		AlbumArtwork previous = album.uncover(now());
		if (previous != null) {
			publish(album, false, album.updatedAt());
		}
		return new CoverChanged(response(album), previous);
	}

	/**
	 * Takes a deleted track off its artist's albums. The track's deletion announces it
	 * inside its own transaction, before the rows go, so that the albums' events commit
	 * with it.
	 * @param deleted the deletion about to commit
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	@EventListener
	void on(TrackDeleted deleted) {
		forgetTrack(deleted.ownerId(), deleted.trackId());
	}

	/**
	 * Takes a track off every album of its artist, for the track's deletion, which calls
	 * this in its own transaction so that the albums' events go out with it.
	 * @param owner the artist
	 * @param track the track about to be deleted
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void forgetTrack(UserId owner, TrackId track) {
		Instant now = now();
		for (Album album : this.albums.lockByOwnerIdAndTrack(owner.value(), track.value())) {
			if (album.remove(track, now)) {
				publish(album, false, now);
			}
		}
	}

	/**
	 * The outcome of a cover change.
	 *
	 * @param album the album after the change
	 * @param previous the cover that is no longer used, whose objects may go
	 */
	public record CoverChanged(AlbumResponse album, @Nullable AlbumArtwork previous) {

	}

	// PostgreSQL keeps microseconds: a response built from memory must equal a later read.
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private Album find(UserId owner, AlbumId id) {
		return this.albums.findByIdAndOwnerId(id.value(), owner.value()).orElseThrow(AlbumNotFound::new);
	}

	private Album lock(UserId owner, AlbumId id) {
		return this.albums.lockByIdAndOwnerId(id.value(), owner.value()).orElseThrow(AlbumNotFound::new);
	}

	private AlbumResponse response(Album album) {
		return AlbumResponse.of(album,
				tracksById(album.ownerId(), album.trackIds().stream().map(TrackId::value).toList()));
	}

	private Map<UUID, Track> tracksById(UserId owner, Collection<UUID> ids) {
		if (ids.isEmpty()) {
			return Map.of();
		}
		return this.tracks.findAllById(ids)
			.stream()
			.filter((track) -> track.ownerId().equals(owner))
			.collect(Collectors.toMap((track) -> track.id().value(), Function.identity()));
	}

	private void publish(Album album, boolean deleted, Instant at) {
		AlbumDetails details = album.details();
		this.events.publish(new AlbumUpdated(album.id(), album.ownerId(), details.title(), details.type().toEvent(),
				details.upc(), details.releaseDate(), details.labelName(), details.primaryGenre(), details.pLine(),
				details.cLine(), album.trackIds(), album.artwork() != null, deleted, at));
	}

	private static List<UUID> checkedTrackList(TrackListRequest request) {
		List<@Nullable UUID> ids = request.trackIds();
		if (ids == null) {
			throw new AlbumRejected("The request has invalid values.",
					List.of(new FieldError("trackIds", "must not be null")));
		}
		if (ids.size() > MAX_TRACKS) {
			throw new AlbumRejected("The request has invalid values.",
					List.of(new FieldError("trackIds", "lists at most " + MAX_TRACKS + " tracks")));
		}
		List<FieldError> errors = new ArrayList<>();
		Map<UUID, Integer> firstIndex = new HashMap<>();
		List<UUID> checked = new ArrayList<>();
		for (int i = 0; i < ids.size(); i++) {
			UUID id = ids.get(i);
			if (id == null) {
				errors.add(new FieldError("trackIds[" + i + "]", "must not be null"));
				continue;
			}
			Integer first = firstIndex.putIfAbsent(id, i);
			if (first != null) {
				errors.add(new FieldError("trackIds[" + i + "]", "repeats trackIds[" + first + "]"));
			}
			checked.add(id);
		}
		if (!errors.isEmpty()) {
			throw new AlbumRejected("The request has invalid values.", errors);
		}
		return checked;
	}

	private AlbumRequest merge(AlbumRequest current, Map<String, @Nullable Object> patch) {
		try {
			return JsonMergePatch.apply(this.mapper, current, patch, AlbumRequest.class);
		}
		catch (JacksonException ex) {
			throw new AlbumRejected("The request has a value of the wrong type.",
					List.of(new FieldError(JsonMergePatch.fieldOf(ex, "body"), "has the wrong type or format")));
		}
	}

	private AlbumDetails validated(AlbumRequest request) {
		AlbumRequest normalized = request.normalized();
		List<FieldError> errors = new ArrayList<>();
		for (ConstraintViolation<AlbumRequest> violation : this.validator.validate(normalized)) {
			errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
		}
		LocalDate releaseDate = normalized.releaseDate();
		if (releaseDate != null) {
			String problem = ReleaseDates.problem(releaseDate,
					LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC));
			if (problem != null) {
				errors.add(new FieldError("releaseDate", problem));
			}
		}
		Upc upc = null;
		if (normalized.upc() != null) {
			try {
				upc = Upc.parse(normalized.upc());
			}
			catch (IllegalArgumentException ex) {
				errors.add(new FieldError("upc", upcMessage(ex)));
			}
		}
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
			throw new AlbumRejected("The request has invalid values.", errors);
		}
		return new AlbumDetails(Objects.requireNonNull(normalized.title()), Objects.requireNonNull(normalized.type()),
				upc, normalized.releaseDate(), normalized.labelName(), normalized.primaryGenre(), normalized.pLine(),
				normalized.cLine());
	}

	// Upc's own message quotes the value only once its length is right; a value of any
	// length is capped here as well, since it ends up in a response.
	private static String upcMessage(IllegalArgumentException ex) {
		String message = String.valueOf(ex.getMessage());
		return (message.length() <= 200) ? message : "is not a valid UPC-A or EAN-13";
	}

}
