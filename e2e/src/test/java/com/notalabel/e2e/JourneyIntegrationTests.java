package com.notalabel.e2e;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import tools.jackson.databind.JsonNode;

import com.notalabel.e2e.Api.Response;

import static com.notalabel.e2e.Api.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

/**
 * An artist's journey through the whole platform, as started by {@code ./platform up} and
 * reached through nginx where it is installed. It grows with each service.
 */
class JourneyIntegrationTests {

	static RunningPlatform platform;

	static Api api;

	static MailCatcher mail;

	/** A release date past both reference stores' lead times (7 and 14 days). */
	static final LocalDate RELEASE_DATE = LocalDate.now(ZoneOffset.UTC).plusDays(21);

	/** Codes of this run's own: the stores refuse a code another release already took. */
	static final String ISRC = "QZNAL26" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));

	static final String UPC = randomUpc();

	/**
	 * A failed step says how the platform was doing at that moment: a service that died
	 * or restarted, with the end of its log.
	 */
	@RegisterExtension
	static final TestExecutionExceptionHandler platformDiagnosis = (context, failure) -> {
		if (platform != null) {
			failure.addSuppressed(new PlatformDiagnosis(platform.diagnosis()));
		}
		throw failure;
	};

	@BeforeAll
	static void startThePlatform() {
		platform = RunningPlatform.start();
		api = new Api(platform.baseUrl(), platform.throughNginx() ? platform.certificate() : null);
		mail = new MailCatcher(RunningPlatform.MAIL_CATCHER);
	}

	@AfterAll
	static void stopThePlatform() {
		if (platform != null) {
			platform.close();
		}
	}

	@Test
	void anArtistSignsUpReleasesATrackSeesItsEarningsSplitAndSignsOut() {
		String email = "artist-" + UUID.randomUUID() + "@example.com";
		String accessToken = signUpVerifyAndSignIn(email);
		// Opened before anything happens: what the platform tells the artist must arrive live.
		try (EventStream notifications = api.stream("/api/v1/notifications/stream", bearer(accessToken))) {
			String track = uploadAndHearWhatItMeasures(accessToken);
			String album = buildTheAlbum(accessToken, track);
			releaseToTheReferenceStores(accessToken, album);
			seeTheNewsInTheInboxAndLive(accessToken, notifications);
			seeTheStoresEarningsSplitInTheStatement(accessToken, track);
		}
		signOut(accessToken);
	}

	private String signUpVerifyAndSignIn(String email) {
		String password = "a long and unusual passphrase " + UUID.randomUUID();

		Response registered = api.postJson("/api/v1/auth/register",
				Map.of("email", email, "password", password, "displayName", "Nova Lane"));
		assertThat(registered.status()).as(registered.text()).isEqualTo(201);
		assertThat(api.cookie("nal_at")).isNotBlank();
		assertThat(api.cookie("nal_rt")).isNotBlank();

		// The verification mail travels user-service → event → notification-service → SMTP.
		String verificationToken = await().atMost(Duration.ofSeconds(30))
			.until(() -> mail.tokenMailedTo(email, "/verify-email"), (token) -> token.isPresent())
			.orElseThrow();
		Response verified = api.postJson("/api/v1/auth/email/verify", Map.of("token", verificationToken));
		assertThat(verified.status()).as(verified.text()).isEqualTo(204);

		api.forgetCookies();
		Response signedIn = api.postJson("/api/v1/auth/login", Map.of("email", email, "password", password));
		assertThat(signedIn.status()).as(signedIn.text()).isEqualTo(200);
		String accessToken = signedIn.json().path("accessToken").asString();
		assertThat(signedIn.json().path("user").path("email").asString()).isEqualTo(email);
		assertThat(signedIn.json().path("user").path("emailVerified").asBoolean()).isTrue();

		Response me = api.get("/api/v1/users/me", bearer(accessToken));
		assertThat(me.status()).as(me.text()).isEqualTo(200);
		assertThat(me.json().path("displayName").asString()).isEqualTo("Nova Lane");
		return accessToken;
	}

	private String uploadAndHearWhatItMeasures(String accessToken) {
		Response uploaded = api.postFile("/api/v1/tracks", "file", "calibration.wav", "audio/wav",
				CalibratedSignal.wav(12), bearer(accessToken));
		assertThat(uploaded.status()).as(uploaded.text()).isEqualTo(202);
		assertThat(uploaded.json().path("status").asString()).isEqualTo("PROCESSING");
		String track = uploaded.header("Location");
		assertThat(track).startsWith("/api/v1/tracks/");

		await().atMost(Duration.ofMinutes(2))
			.pollInterval(Duration.ofMillis(250))
			.until(() -> api.get(track, bearer(accessToken)).json().path("status").asString(),
					(status) -> !"PROCESSING".equals(status));
		Response processed = api.get(track, bearer(accessToken));
		assertThat(processed.json().path("status").asString()).as(processed.text()).isEqualTo("READY");

		Response analysis = api.get(track + "/analysis", bearer(accessToken));
		assertThat(analysis.status()).as(analysis.text()).isEqualTo(200);
		assertThat(analysis.json().path("loudness").path("integratedLufs").asDouble())
			.isCloseTo(CalibratedSignal.INTEGRATED_LUFS, within(0.1));

		Response waveform = api.get(track + "/waveform?pixelsPerSecond=10", bearer(accessToken));
		assertThat(waveform.status()).as(waveform.text()).isEqualTo(200);
		JsonNode peaks = waveform.json();
		assertThat(peaks.path("version").asInt()).isEqualTo(2);
		assertThat(peaks.path("length").asInt()).isBetween(115, 125);

		Response stream = api.get(track + "/stream", bearer(accessToken));
		assertThat(stream.status()).as(stream.text()).isEqualTo(302);
		Response rendition = api.fetch(URI.create(stream.header("Location")));
		assertThat(rendition.status()).isEqualTo(200);
		// An M4A whose index comes first: a player starts before the whole file arrives.
		assertThat(new String(rendition.body(), 4, 4)).isEqualTo("ftyp");

		// ai-service keeps its own facts from TrackProcessed: what each store's normalisation will do to
		// the level. A -23 LUFS tone is turned up 9 dB by Spotify (-14 LUFS), its peaks far below -1 dBTP.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Response insights = api.get("/api/v1/ai/tracks/" + id(track) + "/insights", bearer(accessToken));
			assertThat(insights.status()).as(insights.text()).isEqualTo(200);
			JsonNode spotify = insights.json()
				.path("stores")
				.valueStream()
				.filter((store) -> "Spotify".equals(store.path("name").asString()))
				.findFirst()
				.orElseThrow();
			assertThat(spotify.path("gainDb").asDouble()).isCloseTo(9.0, within(0.1));
			assertThat(spotify.path("clips").asBoolean()).isFalse();
		});

		// What a store needs of a track that the audio does not say.
		Response described = api.patch(track, Map.of("title", "Calibration", "isrc", ISRC, "genre", "Electronic"),
				bearer(accessToken));
		assertThat(described.status()).as(described.text()).isEqualTo(200);
		return track;
	}

	private String buildTheAlbum(String accessToken, String track) {
		Response created = api.postJson("/api/v1/albums",
				Map.of("title", "First Light", "type", "SINGLE", "upc", UPC, "releaseDate", RELEASE_DATE.toString(),
						"labelName", "Nova Lane Music", "primaryGenre", "Electronic", "pLine", "2026 Nova Lane",
						"cLine", "2026 Nova Lane"),
				bearer(accessToken));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String album = "/api/v1/albums/" + created.json().path("id").asString();

		Response ordered = api.putJson(album + "/tracks", Map.of("trackIds", List.of(id(track))), bearer(accessToken));
		assertThat(ordered.status()).as(ordered.text()).isEqualTo(200);
		Response covered = api.write("PUT", album + "/artwork", "image/jpeg", Artwork.squareJpeg(3000),
				bearer(accessToken));
		assertThat(covered.status()).as(covered.text()).isEqualTo(200);
		assertThat(covered.json().path("artwork").path("width").asInt()).isEqualTo(3000);
		assertThat(covered.json().path("warnings")).isEmpty();
		return album;
	}

	private void releaseToTheReferenceStores(String accessToken, String album) {
		Response platforms = api.get("/api/v1/platforms", bearer(accessToken));
		assertThat(platforms.status()).as(platforms.text()).isEqualTo(200);
		List<String> stores = platforms.json()
			.path("items")
			.valueStream()
			.map((store) -> store.path("name").asString())
			.toList();
		assertThat(stores).hasSize(2);

		// The album's copy reaches distribution by events: the report turns ready once it has arrived.
		Map<String, Object> request = Map.of("albumId", id(album), "platforms", stores, "releaseDate",
				RELEASE_DATE.toString(), "territories", List.of("Worldwide"));
		Response created = api.postJson("/api/v1/releases", request, bearer(accessToken));
		assertThat(created.status()).as(created.text()).isEqualTo(201);
		String release = "/api/v1/releases/" + created.json().path("id").asString();
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Response report = api.get(release, bearer(accessToken));
			assertThat(report.json().path("readiness").path("ready").asBoolean()).as(report.text()).isTrue();
		});

		Response submitted = api.postJson(release + "/submit", Map.of(), bearer(accessToken));
		assertThat(submitted.status()).as(submitted.text()).isEqualTo(202);

		// Each store takes the batch over SFTP, checks it against DDEX's schema and the hash sums, and answers.
		await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
			Response deliveries = api.get(release + "/deliveries", bearer(accessToken));
			assertThat(deliveries.json().path("items").valueStream().map((store) -> store.path("status").asString()))
				.as(deliveries.text())
				.containsExactly("ACCEPTED", "ACCEPTED");
		});
		Response message = api.get(release + "/ddex?platform=" + stores.getFirst(), bearer(accessToken));
		assertThat(message.status()).as(message.text()).isEqualTo(200);
		assertThat(message.text()).contains("NewReleaseMessage").contains(ISRC).contains(UPC);
	}

	private void seeTheNewsInTheInboxAndLive(String accessToken, EventStream live) {
		// The track's processing and both stores' acceptance, each once.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(titles(api.get("/api/v1/notifications", bearer(accessToken)).json())).hasSize(3)
						.contains("Your track is processed")
						.filteredOn((title) -> title.contains("was accepted by"))
						.hasSize(2));
		Response unread = api.get("/api/v1/notifications/unread-count", bearer(accessToken));
		assertThat(unread.json().path("unread").asInt()).as(unread.text()).isEqualTo(3);

		await().atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(live.events()
				.stream()
				.filter((event) -> "notification".equals(event.name()))
				.map((event) -> event.json().path("title").asString()))
				.as("the notifications that arrived on the live stream")
				.hasSize(3)
				.contains("Your track is processed"));
		assertThat(live.status()).isEqualTo(200);
	}

	private void seeTheStoresEarningsSplitInTheStatement(String accessToken, String track) {
		// Half of the track to a producer, invited by mail; their half is held until they accept.
		Response split = api.putJson("/api/v1/payments/splits/" + id(track),
				Map.of("shares",
						List.of(shareOf(null, "MAIN_ARTIST", 5_000),
								shareOf("producer-" + UUID.randomUUID() + "@example.com", "PRODUCER", 5_000))),
				bearer(accessToken));
		assertThat(split.status()).as(split.text()).isEqualTo(200);

		// A distributor's export of March's streams for this track: 1,000 on Spotify in the US, $3.1415.
		String report = "Reporting Date\tSale Month\tStore\tArtist\tTitle\tISRC\tUPC\tQuantity\tCountry of Sale\t"
				+ "Earnings (USD)\n" + "2026-05-03\t2026-03\tSpotify\tNova Lane\tCalibration\t" + ISRC + "\t" + UPC
				+ "\t1000\tUS\t3.141500\n";
		Response imported = api.postFile("/api/v1/analytics/imports", "file", "distrokid.tsv",
				"text/tab-separated-values", report.getBytes(java.nio.charset.StandardCharsets.UTF_8),
				bearer(accessToken));
		assertThat(imported.status()).as(imported.text()).isEqualTo(201);
		assertThat(imported.json().path("matchedLines").asLong()).as(imported.text()).isEqualTo(1);

		Response overview = api.get("/api/v1/analytics/overview?from=2026-03-01&to=2026-03-31", bearer(accessToken));
		assertThat(overview.status()).as(overview.text()).isEqualTo(200);
		assertThat(overview.json().path("current").path("streams").asLong()).as(overview.text()).isEqualTo(1000);
		assertThat(overview.json().path("current").path("revenue").get(0).path("amountMinor").asLong()).isEqualTo(314);

		// Earnings travel analytics → EarningsRecorded → payment-service's ledger.
		await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			Response statement = api.get("/api/v1/payments/statements?period=2026-03", bearer(accessToken));
			assertThat(statement.status()).as(statement.text()).isEqualTo(200);
			JsonNode lines = statement.json().path("lines");
			assertThat(lines).as(statement.text()).hasSize(1);
			assertThat(lines.get(0).path("gross").path("amountMinor").asLong()).isEqualTo(314);
			// Rounded once, in cents, by largest remainder: the two halves add up to the gross.
			assertThat(lines.get(0)
				.path("payees")
				.valueStream()
				.map((payee) -> payee.path("share").path("amountMinor").asLong() + "/"
						+ payee.path("held").path("amountMinor").asLong()))
				.containsExactlyInAnyOrder("157/0", "157/157");
		});
	}

	private void signOut(String accessToken) {
		Response signedOut = api.postJson("/api/v1/auth/logout", Map.of());
		assertThat(signedOut.status()).as(signedOut.text()).isEqualTo(204);

		// Revocation reaches every gateway instance over pub/sub: within a second.
		await().atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(api.get("/api/v1/users/me", bearer(accessToken)).status()).isEqualTo(401));
		Response refused = api.get("/api/v1/users/me", bearer(accessToken));
		assertThat(refused.json().path("code").asString()).isEqualTo("auth.invalid_token");
	}

	private static List<String> titles(JsonNode page) {
		return page.path("items").valueStream().map((item) -> item.path("title").asString()).toList();
	}

	private static Map<String, Object> shareOf(@Nullable String email, String role, int basisPoints) {
		Map<String, Object> share = new java.util.HashMap<>();
		share.put("email", email);
		share.put("role", role);
		share.put("basisPoints", basisPoints);
		return share;
	}

	private static String id(String location) {
		return location.substring(location.lastIndexOf('/') + 1);
	}

	private static String randomUpc() {
		int[] digits = new int[12];
		int sum = 0;
		for (int i = 0; i < 11; i++) {
			digits[i] = ThreadLocalRandom.current().nextInt(10);
			sum += digits[i] * ((i % 2 == 0) ? 3 : 1);
		}
		digits[11] = (10 - sum % 10) % 10;
		StringBuilder upc = new StringBuilder();
		for (int digit : digits) {
			upc.append(digit);
		}
		return upc.toString();
	}

	/**
	 * Carries the platform's status beside a failure (as a suppressed exception, so the
	 * failure itself stays what it is).
	 */
	static final class PlatformDiagnosis extends RuntimeException {

		PlatformDiagnosis(String diagnosis) {
			super(diagnosis, null, false, false);
		}

	}

}
