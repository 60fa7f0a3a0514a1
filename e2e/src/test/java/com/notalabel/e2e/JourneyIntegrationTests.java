package com.notalabel.e2e;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

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
	void anArtistSignsUpUploadsATrackHearsWhatItMeasuresAndSignsOut() {
		String email = "artist-" + UUID.randomUUID() + "@example.com";
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

		Response signedOut = api.postJson("/api/v1/auth/logout", Map.of());
		assertThat(signedOut.status()).as(signedOut.text()).isEqualTo(204);

		// Revocation reaches every gateway instance over pub/sub: within a second.
		await().atMost(Duration.ofSeconds(1))
			.untilAsserted(() -> assertThat(api.get("/api/v1/users/me", bearer(accessToken)).status()).isEqualTo(401));
		Response refused = api.get("/api/v1/users/me", bearer(accessToken));
		assertThat(refused.json().path("code").asString()).isEqualTo("auth.invalid_token");
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
