package com.notalabel.distribution.delivery;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.distribution.catalogue.Catalogue;
import com.notalabel.distribution.platform.DistributionProperties;
import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.distribution.platform.DistributionProperties.Sftp;
import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.distribution.testing.DistributionServiceIntegrationTest;
import com.notalabel.distribution.testing.FlakyTunnel;
import com.notalabel.distribution.testing.ReleasesHttp;
import com.notalabel.distribution.testing.TestCatalogue;
import com.notalabel.distribution.testing.TestCatalogue.Album;
import com.notalabel.distribution.testing.TestStores;
import com.notalabel.test.http.Response;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.id.ReleaseId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries that outlast their lease (ADR 42): the worker running one renews the lease
 * so that no other worker takes it over, and a worker that lost it stops before the store
 * sees a complete batch. The workers here have a one-second lease, reach store A through
 * a slow link, and live an hour ahead of the service's own worker, so that the deliveries
 * queued here are due only for them.
 */
@DistributionServiceIntegrationTest
class LeaseHeartbeatIntegrationTests {

	private static final Duration LEASE = Duration.ofSeconds(1);

	private static final String STORE = "reference-a";

	private final Clock ahead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

	private final ReleasesHttp http;

	private final TestCatalogue catalogue;

	private final JdbcClient jdbc;

	private final Deliveries deliveries;

	private final BatchUpload upload;

	private final DistributionProperties properties;

	private final TransactionTemplate transactions;

	private final List<AutoCloseable> closing = new ArrayList<>();

	private FlakyTunnel slowLink;

	LeaseHeartbeatIntegrationTests(@LocalServerPort int port, @Autowired Catalogue catalogue,
			@Autowired JdbcClient jdbc, @Autowired Deliveries deliveries, @Autowired BatchUpload upload,
			@Autowired DistributionProperties properties, @Autowired PlatformTransactionManager transactions) {
		this.http = new ReleasesHttp(port);
		this.catalogue = new TestCatalogue(catalogue);
		this.jdbc = jdbc;
		this.deliveries = deliveries;
		this.upload = upload;
		this.properties = properties;
		this.transactions = new TransactionTemplate(transactions);
	}

	@BeforeEach
	void nothingElseIsInHand() throws Exception {
		// The workers here see every delivery due within the hour: let the service's own finish what it has.
		await().atMost(Duration.ofSeconds(90))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jdbc.sql("select count(*) from delivery where status in ('QUEUED', 'DELIVERING')")
				.query(Long.class)
				.single(), (count) -> count == 0);
		this.slowLink = FlakyTunnel.to(TestStores.shared().storeA().port());
		this.closing.add(this.slowLink);
		// About four seconds for the album's 4.2 MB: four leases.
		this.slowLink.throttle(1_000_000);
	}

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closing.reversed()) {
			closeable.close();
		}
	}

	@Test
	void keepsADeliveryThatOutlastsItsLeaseSoThatNoOtherWorkerTakesItOver() throws Exception {
		UUID delivery = queued(this.catalogue.album(3, 8.0));
		DeliveryWorker first = worker("lease-test-first");
		DeliveryWorker second = worker("lease-test-second");

		CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(first::runOne);
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
			assertThat(second.runOne()).as("a second worker claimed the running delivery").isFalse();
			return running.isDone();
		});

		assertThat(running.get()).isTrue();
		Map<String, Object> row = this.jdbc.sql("select status, worker, attempts from delivery where id = :id")
			.param("id", delivery)
			.query()
			.singleRow();
		assertThat(row).containsEntry("worker", "lease-test-first").containsEntry("attempts", 1);
		assertThat(List.of("DELIVERED", "ACCEPTED")).contains((String) row.get("status"));
		Duration took = Duration.between(at(delivery, "DELIVERING"), at(delivery, "DELIVERED"));
		assertThat(took).as("the delivery outlasted its lease several times over").isGreaterThan(LEASE.multipliedBy(2));
		assertThat(manifest(delivery)).isRegularFile();
	}

	@Test
	void aWorkerThatLostItsLeaseStopsWithoutCompletingTheBatch() throws Exception {
		UUID delivery = queued(this.catalogue.album(3, 8.0));
		DeliveryWorker worker = worker("lease-test-replaced");

		CompletableFuture<Boolean> running = CompletableFuture.supplyAsync(worker::runOne);
		await().atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(50))
			.until(() -> deliveredFiles(delivery) >= 1);
		// Another instance takes the delivery over, as it would after a lease that ran out.
		this.jdbc.sql("""
				update delivery set worker = 'another-instance', attempts = attempts + 1, lease_expires_at = :later
				 where id = :id""")
			.param("later", this.ahead.instant().plus(Duration.ofHours(10)).atOffset(ZoneOffset.UTC))
			.param("id", delivery)
			.update();

		assertThat(running.get(30, TimeUnit.SECONDS)).isTrue();
		assertThat(deliveredFiles(delivery)).as("files the replaced worker finished").isLessThan(4);
		assertThat(manifest(delivery)).doesNotExist();
		assertThat(this.jdbc.sql("select status || ' ' || worker from delivery where id = :id")
			.param("id", delivery)
			.query(String.class)
			.single()).isEqualTo("DELIVERING another-instance");
		assertThat(this.jdbc.sql("select status from delivery_status where delivery_id = :id order by id")
			.param("id", delivery)
			.query(String.class)
			.list()).containsExactly("QUEUED", "DELIVERING");
		// Nobody is to carry it on here: the release goes, and its delivery with it.
		this.jdbc.sql("delete from release where id = (select release_id from delivery where id = :id)")
			.param("id", delivery)
			.update();
	}

	private DeliveryWorker worker(String name) {
		Platform a = this.properties.platform(STORE).orElseThrow();
		Sftp sftp = a.sftp();
		Platform slowA = new Platform(a.name(), a.displayName(), a.dpid(), a.leadTimeDays(),
				new Sftp(sftp.host(), this.slowLink.port(), sftp.user(), sftp.privateKey(), sftp.privateKeyFile(),
						sftp.password(), sftp.hostKeyFingerprint(), sftp.folder()),
				a.rules());
		DistributionProperties.Delivery d = this.properties.delivery();
		DistributionProperties shortLease = new DistributionProperties(this.properties.sender(), List.of(slowA),
				new DistributionProperties.Delivery(false, d.pollInterval(), d.acknowledgementInterval(), LEASE,
						d.maxAttempts(), d.firstRetryDelay(), d.maxRetryDelay(), d.connectTimeout(), d.ioTimeout()));
		SftpConnector connector = new SftpConnector(shortLease);
		DeliveryWorker worker = new DeliveryWorker(this.deliveries, this.upload, connector,
				CircuitBreakerRegistry.ofDefaults(), shortLease, this.ahead, name);
		this.closing.add(connector::destroy);
		this.closing.add(worker::destroy);
		return worker;
	}

	/**
	 * A release of the album to store A, its delivery due an hour from now.
	 * @return the delivery
	 */
	private UUID queued(Album album) {
		Response created = this.http.create(album.owner(), album.album().albumId().value(),
				LocalDate.now(ZoneOffset.UTC).plusDays(10).toString(), STORE);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		ReleaseId release = ReleaseId.parse(created.json().path("id").asString());
		ReleaseSnapshot snapshot = snapshot(album, release);
		this.transactions.executeWithoutResult(
				(status) -> this.deliveries.queue(snapshot, List.of(STORE), DeliveryKind.NEW, this.ahead.instant()));
		return this.jdbc.sql("select id from delivery where release_id = :release")
			.param("release", release.value())
			.query(UUID.class)
			.single();
	}

	private static ReleaseSnapshot snapshot(Album album, ReleaseId release) {
		AlbumUpdated a = album.album();
		List<ReleaseSnapshot.Track> tracks = new ArrayList<>();
		for (TrackUpdated t : album.tracks()) {
			tracks.add(new ReleaseSnapshot.Track(t.trackId(), tracks.size() + 1, true, t.title(), t.versionTitle(),
					String.valueOf(t.isrc()), t.explicit(), t.genre(), t.language(), t.credits(), "READY", t.format(),
					t.sizeBytes(), t.sha256(), t.originalKey(), t.audio()));
		}
		return new ReleaseSnapshot(release, a.ownerId(), a.albumId(), a.title(), "ALBUM", album.upc(),
				LocalDate.now(ZoneOffset.UTC).plusDays(10), List.of("Worldwide"), "Ada Lovelace", null,
				a.primaryGenre(), a.pLine(), a.cLine(), null, tracks, Instant.now());
	}

	private long deliveredFiles(UUID delivery) {
		return this.jdbc.sql("select count(*) from delivered_file where delivery_id = :id")
			.param("id", delivery)
			.query(Long.class)
			.single();
	}

	private Instant at(UUID delivery, String status) {
		return this.jdbc.sql("select at from delivery_status where delivery_id = :id and status = :status")
			.param("id", delivery)
			.param("status", status)
			.query(OffsetDateTime.class)
			.single()
			.toInstant();
	}

	private Path manifest(UUID delivery) {
		String batch = this.jdbc.sql("select batch_id from delivery where id = :id")
			.param("id", delivery)
			.query(String.class)
			.single();
		return TestStores.shared().storeA().sftpRoot().resolve(batch).resolve("BatchComplete_" + batch + ".xml");
	}

}
