package com.notalabel.distribution.release;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.distribution.catalogue.AlbumCopy;
import com.notalabel.distribution.catalogue.Catalogue;
import com.notalabel.distribution.catalogue.TrackCopy;
import com.notalabel.distribution.delivery.Deliveries;
import com.notalabel.distribution.delivery.Deliveries.StatusEntry;
import com.notalabel.distribution.delivery.DeliveryKind;
import com.notalabel.distribution.platform.DistributionProperties;
import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.distribution.release.Problems.ImmutableFieldChanged;
import com.notalabel.distribution.release.Problems.MessageNotSent;
import com.notalabel.distribution.release.Problems.ReleaseInWrongState;
import com.notalabel.distribution.release.Problems.ReleaseNotFound;
import com.notalabel.distribution.release.Problems.ReleaseNotReady;
import com.notalabel.distribution.release.Problems.ReleaseRejected;
import com.notalabel.distribution.release.ReadinessReport.PlatformReadiness;
import com.notalabel.distribution.release.ReadinessReport.RuleResult;
import com.notalabel.distribution.storage.ArtworkFacts;
import com.notalabel.distribution.storage.ObjectReader;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.shared.web.Problems.FieldError;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;
import com.notalabel.types.events.distribution.ReleaseSubmitted;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Creates releases, reports their readiness, submits them (freezing their content and
 * queueing a delivery per store), sends metadata updates and takedowns. Every lookup is
 * by release and owner, so another artist's release is never found.
 */
@Service
class Releases {

	static final String WORLDWIDE = "Worldwide";

	private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

	private static final int MAX_TERRITORIES = 300;

	private final JdbcClient jdbc;

	private final Catalogue catalogue;

	private final ObjectReader objects;

	private final Deliveries deliveries;

	private final DistributionProperties properties;

	private final EventPublisher events;

	private final JsonMapper json;

	private final Clock clock;

	Releases(JdbcClient jdbc, Catalogue catalogue, ObjectReader objects, Deliveries deliveries,
			DistributionProperties properties, EventPublisher events, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.objects = objects;
		this.deliveries = deliveries;
		this.properties = properties;
		this.events = events;
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.clock = clock;
	}

	@Transactional
	ReleaseResponse create(UserId owner, ReleaseRequest request) {
		Checked checked = check(request);
		AlbumId albumId = new AlbumId(Objects.requireNonNull(request.albumId()));
		if (this.catalogue.album(owner, albumId).isEmpty()) {
			throw new ReleaseRejected(List.of(new FieldError("albumId", "is not an album in your catalogue")));
		}
		Instant now = now();
		ReleaseId id = ReleaseId.newId();
		this.jdbc.sql("""
				insert into release (id, owner_id, album_id, platforms, release_date, territories, status, created_at,
				    updated_at, version)
				values (:id, :owner, :album, :platforms, :date, :territories, 'DRAFT', :now, :now, 0)
				""")
			.param("id", id.value())
			.param("owner", owner.value())
			.param("album", albumId.value())
			.param("platforms", checked.platforms().toArray(String[]::new))
			.param("date", request.releaseDate())
			.param("territories", checked.territories().toArray(String[]::new))
			.param("now", utc(now))
			.update();
		return response(find(owner, id, false));
	}

	@Transactional(readOnly = true)
	PageResponse<ReleaseResponse> list(UserId owner, PageQuery page) {
		long total = this.jdbc.sql("select count(*) from release where owner_id = :owner")
			.param("owner", owner.value())
			.query(Long.class)
			.single();
		List<ReleaseResponse> items = this.jdbc
			.sql("select * from release where owner_id = :owner order by created_at desc, id desc"
					+ " limit :size offset :offset")
			.param("owner", owner.value())
			.param("size", page.size())
			.param("offset", (long) page.page() * page.size())
			.query(this::row)
			.list()
			.stream()
			.map(this::response)
			.toList();
		return new PageResponse<>(items, page.page(), page.size(), total);
	}

	@Transactional(readOnly = true)
	ReleaseResponse get(UserId owner, ReleaseId id) {
		return response(find(owner, id, false));
	}

	/**
	 * Submits a draft: every chosen store must pass its rules on the catalogue as it is
	 * now; the content is then frozen and a delivery queued for each store.
	 */
	@Transactional
	ReleaseResponse submit(UserId owner, ReleaseId id) {
		Row release = find(owner, id, true);
		if (!"DRAFT".equals(release.status())) {
			throw new ReleaseInWrongState("release.already_submitted", "The release was submitted already.");
		}
		ReleaseSnapshot snapshot = snapshot(release);
		ReadinessReport report = readiness(release, snapshot, null);
		if (!report.ready()) {
			throw new ReleaseNotReady(report);
		}
		Instant now = now();
		this.jdbc.sql("""
				update release set status = 'SUBMITTED', snapshot = cast(:snapshot as jsonb), submitted_at = :now,
				    updated_at = :now, version = version + 1
				 where id = :id
				""")
			.param("snapshot", this.json.writeValueAsString(snapshot))
			.param("now", utc(now))
			.param("id", id.value())
			.update();
		this.events.publish(new ReleaseSubmitted(id, owner, snapshot.albumId(), snapshot.title(),
				Upc.parse(Objects.requireNonNull(snapshot.upc())), Objects.requireNonNull(snapshot.releaseDate()),
				release.platforms(), snapshot.territories(),
				snapshot.tracks().stream().map(ReleaseSnapshot.Track::id).toList(), snapshot.artistName(), now));
		this.deliveries.queue(snapshot, release.platforms(), DeliveryKind.NEW, now);
		return response(find(owner, id, false));
	}

	/**
	 * Sends the catalogue's current metadata to every store of a submitted release, as a
	 * new message replacing the earlier one. What identifies the release and its
	 * recordings at the stores (UPC, ISRCs, the running order) cannot change.
	 */
	@Transactional
	ReleaseResponse update(UserId owner, ReleaseId id) {
		Row release = find(owner, id, true);
		requireSubmitted(release);
		ReleaseSnapshot frozen = Objects.requireNonNull(release.snapshot());
		ReleaseSnapshot current = snapshot(release);
		requireSameIdentity(frozen, current);
		ReadinessReport report = readiness(release, current, frozen.releaseDate());
		if (!report.ready()) {
			throw new ReleaseNotReady(report);
		}
		Instant now = now();
		this.jdbc.sql("""
				update release set snapshot = cast(:snapshot as jsonb), updated_at = :now, version = version + 1
				 where id = :id
				""")
			.param("snapshot", this.json.writeValueAsString(current))
			.param("now", utc(now))
			.param("id", id.value())
			.update();
		this.deliveries.queue(current, release.platforms(), DeliveryKind.UPDATE, now);
		return response(find(owner, id, false));
	}

	/**
	 * Withdraws a submitted release from every store: a message whose deals end today.
	 */
	@Transactional
	ReleaseResponse takedown(UserId owner, ReleaseId id) {
		Row release = find(owner, id, true);
		requireSubmitted(release);
		Instant now = now();
		this.jdbc
			.sql("update release set status = 'TAKEN_DOWN', updated_at = :now, version = version + 1 where id = :id")
			.param("now", utc(now))
			.param("id", id.value())
			.update();
		this.deliveries.queue(Objects.requireNonNull(release.snapshot()), release.platforms(), DeliveryKind.TAKEDOWN,
				now);
		return response(find(owner, id, false));
	}

	@Transactional(readOnly = true)
	Map<String, List<StatusEntry>> timelines(UserId owner, ReleaseId id) {
		Row release = find(owner, id, false);
		Map<String, List<StatusEntry>> found = this.deliveries.timelines(id);
		Map<String, List<StatusEntry>> ordered = new LinkedHashMap<>();
		for (String platform : release.platforms()) {
			ordered.put(platform, found.getOrDefault(platform, List.of()));
		}
		return ordered;
	}

	@Transactional(readOnly = true)
	String message(UserId owner, ReleaseId id, String platform) {
		Row release = find(owner, id, false);
		if (!release.platforms().contains(platform)) {
			throw new ReleaseRejected(List.of(new FieldError("platform", "is not a store of this release")));
		}
		return this.deliveries.lastMessage(id, platform).orElseThrow(MessageNotSent::new);
	}

	/**
	 * Forgets an artist's releases (their deliveries cascade), for the erasure of the
	 * account.
	 * @param owner the artist
	 * @return the releases removed
	 */
	@Transactional
	public int erase(UserId owner) {
		this.deliveries.erase(owner);
		return this.jdbc.sql("delete from release where owner_id = :owner").param("owner", owner.value()).update();
	}

	private void requireSubmitted(Row release) {
		if ("DRAFT".equals(release.status())) {
			throw new ReleaseInWrongState("release.not_submitted", "The release has not been submitted yet.");
		}
		if ("TAKEN_DOWN".equals(release.status())) {
			throw new ReleaseInWrongState("release.taken_down", "The release was taken down.");
		}
	}

	private static void requireSameIdentity(ReleaseSnapshot frozen, ReleaseSnapshot current) {
		if (!Objects.equals(frozen.upc(), current.upc())) {
			throw new ImmutableFieldChanged("upc", "The UPC of a delivered release cannot change (it was "
					+ frozen.upc() + "): create a new release for a new barcode.");
		}
		List<TrackId> before = frozen.tracks().stream().map(ReleaseSnapshot.Track::id).toList();
		List<TrackId> after = current.tracks().stream().map(ReleaseSnapshot.Track::id).toList();
		if (!before.equals(after)) {
			throw new ImmutableFieldChanged("trackIds",
					"The tracks and their order of a delivered release cannot change: restore the album's running order.");
		}
		for (int i = 0; i < frozen.tracks().size(); i++) {
			ReleaseSnapshot.Track was = frozen.tracks().get(i);
			ReleaseSnapshot.Track is = current.tracks().get(i);
			if (!Objects.equals(was.isrc(), is.isrc())) {
				throw new ImmutableFieldChanged("tracks[" + i + "].isrc", was.label()
						+ "'s ISRC of a delivered release cannot change (it was " + was.isrc() + "): set it back.");
			}
		}
	}

	/**
	 * The report on a content. For a metadata update the release date is judged only when
	 * it moved: a release that is live is long inside its lead time.
	 */
	private ReadinessReport readiness(Row release, ReleaseSnapshot snapshot, @Nullable LocalDate deliveredDate) {
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		List<PlatformReadiness> platforms = new ArrayList<>();
		for (String name : release.platforms()) {
			Optional<Platform> platform = this.properties.platform(name);
			if (platform.isEmpty()) {
				platforms.add(new PlatformReadiness(name, name, false, List.of(new RuleResult("platform.configured",
						null, null, false, "This store is no longer offered: create a release without it."))));
				continue;
			}
			PlatformReadiness checked = ReadinessRules.check(platform.get(), snapshot, today);
			if (deliveredDate != null && deliveredDate.equals(snapshot.releaseDate())) {
				List<RuleResult> rules = checked.rules()
					.stream()
					.filter((rule) -> !rule.rule().equals("release.date"))
					.toList();
				checked = new PlatformReadiness(checked.platform(), checked.displayName(),
						rules.stream().allMatch(RuleResult::passed), rules);
			}
			platforms.add(checked);
		}
		return ReadinessReport.of(platforms);
	}

	/**
	 * The release's content as the catalogue has it now.
	 */
	private ReleaseSnapshot snapshot(Row release) {
		AlbumCopy album = this.catalogue.album(release.ownerId(), release.albumId()).orElse(null);
		if (album == null) {
			return new ReleaseSnapshot(release.id(), release.ownerId(), release.albumId(), "(deleted album)", "ALBUM",
					null, release.releaseDate(), release.territories(), null, null, null, null, null, null, List.of(),
					now());
		}
		Map<TrackId, TrackCopy> tracks = this.catalogue.tracks(release.ownerId(), album.trackIds());
		List<ReleaseSnapshot.Track> entries = new ArrayList<>();
		int number = 1;
		for (TrackId id : album.trackIds()) {
			TrackCopy track = tracks.get(id);
			entries.add((track != null) ? entry(track, number) : new ReleaseSnapshot.Track(id, number, false, "?", null,
					null, false, null, null, List.of(), "OTHER", "", 0, "", "", null));
			number++;
		}
		ArtworkFacts artwork = album.hasArtwork() ? this.objects.artwork(release.ownerId(), album.id()).orElse(null)
				: null;
		LocalDate date = (release.releaseDate() != null) ? release.releaseDate() : album.releaseDate();
		return new ReleaseSnapshot(release.id(), release.ownerId(), album.id(), album.title(), album.type(),
				album.upc(), date, release.territories(), this.catalogue.artistName(release.ownerId()).orElse(null),
				album.labelName(), album.primaryGenre(), album.pLine(), album.cLine(), artwork, entries, now());
	}

	private static ReleaseSnapshot.Track entry(TrackCopy track, int number) {
		return new ReleaseSnapshot.Track(track.id(), number, true, track.title(), track.versionTitle(), track.isrc(),
				track.explicit(), track.genre(), track.language(), track.credits(), track.status(), track.format(),
				track.sizeBytes(), track.sha256(), track.originalKey(), track.audio());
	}

	private ReleaseResponse response(Row release) {
		ReleaseSnapshot snapshot = release.snapshot();
		ReadinessReport readiness;
		String title;
		if (snapshot == null) {
			ReleaseSnapshot current = snapshot(release);
			readiness = readiness(release, current, null);
			title = current.title();
		}
		else {
			readiness = null;
			title = snapshot.title();
		}
		Map<String, DeliveryStatus> statuses = new LinkedHashMap<>();
		if (snapshot != null) {
			this.deliveries.timelines(release.id()).forEach((platform, timeline) -> {
				if (!timeline.isEmpty()) {
					statuses.put(platform, timeline.getLast().status());
				}
			});
		}
		return new ReleaseResponse(release.id().value(), release.albumId().value(), title, release.status(),
				release.platforms(), release.releaseDate(), release.territories(), readiness, statuses,
				release.createdAt(), release.submittedAt());
	}

	private Row find(UserId owner, ReleaseId id, boolean lock) {
		return this.jdbc.sql("select * from release where id = :id and owner_id = :owner" + (lock ? " for update" : ""))
			.param("id", id.value())
			.param("owner", owner.value())
			.query(this::row)
			.optional()
			.orElseThrow(ReleaseNotFound::new);
	}

	private Checked check(ReleaseRequest request) {
		List<FieldError> errors = new ArrayList<>();
		if (request.albumId() == null) {
			errors.add(new FieldError("albumId", "must not be null"));
		}
		Set<String> platforms = new LinkedHashSet<>();
		List<@Nullable String> requested = request.platforms();
		if (requested == null || requested.isEmpty()) {
			errors.add(new FieldError("platforms", "names at least one store"));
		}
		else {
			for (int i = 0; i < requested.size(); i++) {
				String name = requested.get(i);
				if (name == null || this.properties.platform(name).isEmpty()) {
					errors.add(new FieldError("platforms[" + i + "]", "is not a store this installation delivers to"));
				}
				else if (!platforms.add(name)) {
					errors.add(new FieldError("platforms[" + i + "]", "is listed twice"));
				}
			}
		}
		Set<String> territories = new LinkedHashSet<>();
		List<@Nullable String> codes = (request.territories() != null) ? request.territories() : List.of();
		if (codes.size() > MAX_TERRITORIES) {
			errors.add(new FieldError("territories", "lists at most " + MAX_TERRITORIES + " territories"));
		}
		else {
			for (int i = 0; i < codes.size(); i++) {
				String code = codes.get(i);
				if (code != null && code.equalsIgnoreCase(WORLDWIDE)) {
					territories.add(WORLDWIDE);
				}
				else if (code != null && code.length() == 2 && COUNTRIES.contains(code.toUpperCase(Locale.ROOT))) {
					territories.add(code.toUpperCase(Locale.ROOT));
				}
				else {
					errors.add(new FieldError("territories[" + i + "]",
							"is not an ISO 3166-1 alpha-2 country code or Worldwide"));
				}
			}
		}
		if (territories.contains(WORLDWIDE) && territories.size() > 1) {
			errors.add(new FieldError("territories", "is either Worldwide or a list of countries"));
		}
		LocalDate date = request.releaseDate();
		LocalDate today = LocalDate.ofInstant(this.clock.instant(), ZoneOffset.UTC);
		if (date != null && (date.isBefore(LocalDate.of(1900, 1, 1)) || date.isAfter(today.plusYears(10)))) {
			errors.add(new FieldError("releaseDate", "lies between 1900-01-01 and ten years from today"));
		}
		if (!errors.isEmpty()) {
			throw new ReleaseRejected(errors);
		}
		return new Checked(List.copyOf(platforms),
				territories.isEmpty() ? List.of(WORLDWIDE) : List.copyOf(territories));
	}

	private Row row(ResultSet row, int number) throws SQLException {
		String snapshot = row.getString("snapshot");
		OffsetDateTime submitted = row.getObject("submitted_at", OffsetDateTime.class);
		return new Row(new ReleaseId(row.getObject("id", UUID.class)),
				new UserId(row.getObject("owner_id", UUID.class)), new AlbumId(row.getObject("album_id", UUID.class)),
				strings(row.getArray("platforms")), row.getObject("release_date", LocalDate.class),
				strings(row.getArray("territories")), row.getString("status"),
				(snapshot != null) ? this.json.readValue(snapshot, ReleaseSnapshot.class) : null,
				row.getObject("created_at", OffsetDateTime.class).toInstant(),
				(submitted != null) ? submitted.toInstant() : null);
	}

	private static List<String> strings(Array array) throws SQLException {
		List<String> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add((String) value);
		}
		return values;
	}

	// PostgreSQL keeps microseconds: a response built from memory must equal a later read.
	private Instant now() {
		return this.clock.instant().truncatedTo(ChronoUnit.MICROS);
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	private record Checked(List<String> platforms, List<String> territories) {

	}

	private record Row(ReleaseId id, UserId ownerId, AlbumId albumId, List<String> platforms,
			@Nullable LocalDate releaseDate, List<String> territories, String status,
			@Nullable ReleaseSnapshot snapshot, Instant createdAt, @Nullable Instant submittedAt) {

	}

}
