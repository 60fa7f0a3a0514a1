package com.notalabel.distribution.delivery;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.ddex.BatchId;
import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.Uuid7;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.UserId;

/**
 * The deliveries of releases and their timelines, in SQL. Every status change is recorded
 * with its reasons and announced ({@link ReleaseStatusChanged}) in the same transaction.
 * Workers claim due deliveries with {@code FOR UPDATE SKIP LOCKED} under a lease, the
 * earliest undelivered message of a release to a store first, so that a store always
 * receives a release's messages in order.
 */
@Service
public class Deliveries {

	private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
	};

	private static final int MAX_ERROR_LENGTH = 2000;

	static final String CLAIM = """
			update delivery d
			   set status = 'DELIVERING', attempts = d.attempts + 1, lease_expires_at = :lease, worker = :worker,
			       updated_at = :now, version = d.version + 1
			 where d.id = (select due.id from delivery due
			                where due.status in ('QUEUED', 'DELIVERING') and due.run_after <= :now
			                  and (due.lease_expires_at is null or due.lease_expires_at < :now)
			                  and not exists (select 1 from delivery earlier
			                                   where earlier.release_id = due.release_id
			                                     and earlier.platform = due.platform
			                                     and earlier.sequence < due.sequence
			                                     and earlier.status in ('QUEUED', 'DELIVERING'))
			                order by due.run_after
			                limit 1
			                for update skip locked)
			returning d.id, d.platform, d.sequence, d.kind, d.status, d.batch_id, d.snapshot::text as snapshot,
			          d.attempts, d.created_at
			""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final EventPublisher events;

	Deliveries(JdbcClient jdbc, JsonMapper json, EventPublisher events) {
		this.jdbc = jdbc;
		this.json = json.rebuild().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		this.events = events;
	}

	/**
	 * Queues one message per store, in the caller's transaction.
	 * @param snapshot the content to deliver
	 * @param platforms the stores
	 * @param kind what the messages do
	 * @param now the current time
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void queue(ReleaseSnapshot snapshot, List<String> platforms, DeliveryKind kind, Instant now) {
		String document = this.json.writeValueAsString(snapshot);
		for (String platform : platforms) {
			UUID id = Uuid7.next();
			this.jdbc.sql("""
					insert into delivery (id, release_id, owner_id, platform, sequence, kind, status, message_id,
					    snapshot, run_after, created_at, updated_at, version)
					values (:id, :release, :owner, :platform,
					    (select coalesce(max(sequence), 0) + 1 from delivery
					      where release_id = :release and platform = :platform),
					    :kind, 'QUEUED', :messageId, cast(:snapshot as jsonb), :now, :now, :now, 0)
					""")
				.param("id", id)
				.param("release", snapshot.releaseId().value())
				.param("owner", snapshot.ownerId().value())
				.param("platform", platform)
				.param("kind", kind.name())
				.param("messageId", messageId(id))
				.param("snapshot", document)
				.param("now", utc(now))
				.update();
			recordStatus(id, snapshot, platform, DeliveryStatus.QUEUED, List.of(), now);
		}
	}

	/**
	 * Each store's status timeline for a release, oldest first.
	 * @param release the release
	 * @return per store, in the order the release names them
	 */
	@Transactional(readOnly = true)
	public Map<String, List<StatusEntry>> timelines(ReleaseId release) {
		Map<String, List<StatusEntry>> timelines = new LinkedHashMap<>();
		this.jdbc.sql("""
				select d.platform, d.kind, d.sequence, s.status, s.reasons::text as reasons, s.at
				  from delivery_status s join delivery d on d.id = s.delivery_id
				 where d.release_id = :release
				 order by d.platform, s.at, s.id
				""").param("release", release.value()).query((row, number) -> {
			timelines.computeIfAbsent(row.getString("platform"), (key) -> new ArrayList<>())
				.add(new StatusEntry(DeliveryStatus.valueOf(row.getString("status")),
						DeliveryKind.valueOf(row.getString("kind")), row.getInt("sequence"),
						this.json.readValue(row.getString("reasons"), STRINGS),
						row.getObject("at", OffsetDateTime.class).toInstant()));
			return 0;
		}).list();
		return timelines;
	}

	/**
	 * The exact message last sent to a store about a release.
	 * @param release the release
	 * @param platform the store
	 * @return the XML, empty while none has been sent
	 */
	@Transactional(readOnly = true)
	public Optional<String> lastMessage(ReleaseId release, String platform) {
		return this.jdbc.sql("""
				select message from delivery
				 where release_id = :release and platform = :platform and message is not null
				 order by sequence desc limit 1
				""").param("release", release.value()).param("platform", platform).query(String.class).optional();
	}

	/**
	 * Forgets an artist's deliveries, for the erasure of the account (their releases
	 * cascade to them as well).
	 * @param owner the artist
	 * @return the deliveries removed
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int erase(UserId owner) {
		return this.jdbc.sql("delete from delivery where owner_id = :owner").param("owner", owner.value()).update();
	}

	@Transactional
	Optional<Delivery> claim(String worker, Instant now, Duration lease) {
		return this.jdbc.sql(CLAIM)
			.param("lease", utc(now.plus(lease)))
			.param("worker", worker)
			.param("now", utc(now))
			.query(this::delivery)
			.optional()
			.map((claimed) -> {
				// The first attempt moves the artist's timeline on; a retry does not repeat it.
				if (claimed.attempts() == 1) {
					recordStatus(claimed.id(), claimed.snapshot(), claimed.platform(), DeliveryStatus.DELIVERING,
							List.of(), now);
				}
				return claimed;
			});
	}

	/**
	 * Extends a running delivery's lease, as long as the worker still holds it: the claim
	 * of this very attempt, not taken over meanwhile by another worker (whose claim
	 * counts another attempt) nor finished.
	 * @return whether the worker still holds the delivery
	 */
	@Transactional
	boolean renew(Delivery delivery, String worker, Instant now, Duration lease) {
		return this.jdbc.sql("""
				update delivery set lease_expires_at = :lease
				 where id = :id and status = 'DELIVERING' and worker = :worker and attempts = :attempts
				""")
			.param("lease", utc(now.plus(lease)))
			.param("id", delivery.id())
			.param("worker", worker)
			.param("attempts", delivery.attempts())
			.update() == 1;
	}

	/**
	 * Gives a delivery its batch id for good: the moment of its first attempt, or one
	 * millisecond after the store's latest batch when that is later, so that two
	 * deliveries never share a batch folder at a store.
	 * @return the batch id
	 */
	@Transactional
	BatchId allocateBatch(Delivery delivery, Instant now) {
		this.jdbc.sql("select pg_advisory_xact_lock(hashtext('distribution.batch.' || :platform))")
			.param("platform", delivery.platform())
			.query((row, number) -> 0)
			.list();
		String existing = this.jdbc.sql("select batch_id from delivery where id = :id")
			.param("id", delivery.id())
			.query(String.class)
			.optional()
			.orElse(null);
		if (existing != null) {
			return new BatchId(existing);
		}
		BatchId batch = BatchId.at(now);
		String latest = this.jdbc.sql("select max(batch_id) from delivery where platform = :platform")
			.param("platform", delivery.platform())
			.query(String.class)
			.optional()
			.orElse(null);
		if (latest != null && batch.value().compareTo(latest) <= 0) {
			Instant after = java.time.LocalDateTime
				.parse(latest, java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS"))
				.toInstant(ZoneOffset.UTC)
				.plusMillis(1);
			batch = BatchId.at(after);
		}
		this.jdbc.sql("update delivery set batch_id = :batch where id = :id")
			.param("batch", batch.value())
			.param("id", delivery.id())
			.update();
		return batch;
	}

	@Transactional(readOnly = true)
	Map<String, DeliveredFile> deliveredFiles(UUID delivery) {
		Map<String, DeliveredFile> files = new LinkedHashMap<>();
		this.jdbc.sql("select path, size_bytes, md5 from delivered_file where delivery_id = :id")
			.param("id", delivery)
			.query((row, number) -> files.put(row.getString("path"),
					new DeliveredFile(row.getString("path"), row.getLong("size_bytes"), row.getString("md5"))))
			.list();
		return files;
	}

	@Transactional
	void fileDelivered(UUID delivery, DeliveredFile file) {
		this.jdbc.sql("""
				insert into delivered_file (delivery_id, path, size_bytes, md5) values (:id, :path, :size, :md5)
				on conflict (delivery_id, path) do update set size_bytes = excluded.size_bytes, md5 = excluded.md5
				""")
			.param("id", delivery)
			.param("path", file.path())
			.param("size", file.sizeBytes())
			.param("md5", file.md5())
			.update();
	}

	/**
	 * The batch is complete at the store: the message as sent is kept.
	 */
	@Transactional
	boolean delivered(Delivery delivery, String worker, String message, Instant now) {
		int updated = this.jdbc.sql("""
				update delivery set status = 'DELIVERED', message = :message, lease_expires_at = null,
				    last_error = null, updated_at = :now, version = version + 1
				 where id = :id and status = 'DELIVERING' and worker = :worker and attempts = :attempts
				""")
			.param("message", message)
			.param("now", utc(now))
			.param("id", delivery.id())
			.param("worker", worker)
			.param("attempts", delivery.attempts())
			.update();
		if (updated == 1) {
			recordStatus(delivery.id(), delivery.snapshot(), delivery.platform(), DeliveryStatus.DELIVERED, List.of(),
					now);
		}
		return updated == 1;
	}

	@Transactional
	void retryLater(Delivery delivery, String worker, Instant runAfter, String error, boolean countAttempt,
			Instant now) {
		this.jdbc.sql("""
				update delivery set run_after = :runAfter, lease_expires_at = null, last_error = :error,
				    attempts = attempts - :uncounted, updated_at = :now, version = version + 1
				 where id = :id and status = 'DELIVERING' and worker = :worker and attempts = :attempts
				""")
			.param("runAfter", utc(runAfter))
			.param("error", truncate(error))
			.param("uncounted", countAttempt ? 0 : 1)
			.param("now", utc(now))
			.param("id", delivery.id())
			.param("worker", worker)
			.param("attempts", delivery.attempts())
			.update();
	}

	@Transactional
	void failed(Delivery delivery, String worker, String reason, String error, Instant now) {
		int updated = this.jdbc.sql("""
				update delivery set status = 'FAILED', lease_expires_at = null, last_error = :error,
				    updated_at = :now, version = version + 1
				 where id = :id and status = 'DELIVERING' and worker = :worker and attempts = :attempts
				""")
			.param("error", truncate(error))
			.param("now", utc(now))
			.param("id", delivery.id())
			.param("worker", worker)
			.param("attempts", delivery.attempts())
			.update();
		if (updated == 1) {
			recordStatus(delivery.id(), delivery.snapshot(), delivery.platform(), DeliveryStatus.FAILED,
					List.of(reason), now);
		}
	}

	/**
	 * The delivery a store's acknowledgement is about.
	 * @param platform the store
	 * @param batchId the batch the store names
	 * @return the delivery, empty when the batch is not one of ours (any more)
	 */
	@Transactional(readOnly = true)
	Optional<Delivery> byBatch(String platform, String batchId) {
		return this.jdbc.sql("""
				select id, platform, sequence, kind, status, batch_id, snapshot::text as snapshot, attempts, created_at
				  from delivery where platform = :platform and batch_id = :batch
				""").param("platform", platform).param("batch", batchId).query(this::delivery).optional();
	}

	/**
	 * Moves a delivered message on with the store's answer, once per status.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	boolean answered(Delivery delivery, DeliveryStatus status, List<String> reasons, Instant at) {
		int updated = this.jdbc.sql("""
				update delivery set status = :status, updated_at = :at, version = version + 1
				 where id = :id and status <> :status
				""").param("status", status.name()).param("at", utc(at)).param("id", delivery.id()).update();
		if (updated == 1) {
			recordStatus(delivery.id(), delivery.snapshot(), delivery.platform(), status, reasons, at);
		}
		return updated == 1;
	}

	private void recordStatus(UUID delivery, ReleaseSnapshot snapshot, String platform, DeliveryStatus status,
			List<String> reasons, Instant at) {
		this.jdbc.sql("""
				insert into delivery_status (delivery_id, status, reasons, at)
				values (:delivery, :status, cast(:reasons as jsonb), :at)
				""")
			.param("delivery", delivery)
			.param("status", status.name())
			.param("reasons", this.json.writeValueAsString(reasons))
			.param("at", utc(at))
			.update();
		this.events.publish(new ReleaseStatusChanged(snapshot.releaseId(), snapshot.ownerId(), snapshot.albumId(),
				snapshot.title(), upc(snapshot.upc()), platform, status, reasons, at));
	}

	private Delivery delivery(ResultSet row, int number) throws SQLException {
		return new Delivery(row.getObject("id", UUID.class), row.getString("platform"), row.getInt("sequence"),
				DeliveryKind.valueOf(row.getString("kind")), DeliveryStatus.valueOf(row.getString("status")),
				row.getString("batch_id"), this.json.readValue(row.getString("snapshot"), ReleaseSnapshot.class),
				row.getInt("attempts"), row.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	/**
	 * DDEX message ids are strings; the delivery's UUID without hyphens is unique and
	 * short.
	 */
	static String messageId(UUID delivery) {
		return delivery.toString().replace("-", "");
	}

	private static @Nullable Upc upc(@Nullable String value) {
		try {
			return (value != null) ? Upc.parse(value) : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String truncate(@Nullable String error) {
		return (error == null || error.length() <= MAX_ERROR_LENGTH) ? error : error.substring(0, MAX_ERROR_LENGTH);
	}

	private static OffsetDateTime utc(Instant at) {
		return at.atOffset(ZoneOffset.UTC);
	}

	/**
	 * One step of a store's timeline.
	 *
	 * @param status the status reached
	 * @param kind the message it is about
	 * @param sequence the message's place among the release's messages to the store
	 * @param reasons why, for a rejection or a failure
	 * @param at when
	 */
	public record StatusEntry(DeliveryStatus status, DeliveryKind kind, int sequence, List<String> reasons,
			Instant at) {

	}

	/**
	 * A file in its final place at the store.
	 *
	 * @param path its path from the batch folder
	 * @param sizeBytes its size
	 * @param md5 its MD5, lower-case hex
	 */
	record DeliveredFile(String path, long sizeBytes, String md5) {

	}

}
