package com.notalabel.types.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.catalog.Upc;
import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.EarningsRecorded;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.analytics.SuspiciousActivity;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;
import com.notalabel.types.events.distribution.ReleaseSubmitted;
import com.notalabel.types.events.music.AlbumUpdated;
import com.notalabel.types.events.music.AlbumUpdated.AlbumType;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessed.AnalysisSummary;
import com.notalabel.types.events.music.TrackProcessingFailed;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;
import com.notalabel.types.events.music.TrackUpdated.Credit;
import com.notalabel.types.events.music.TrackUpdated.Role;
import com.notalabel.types.events.music.TrackUploaded;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.events.payment.PayoutFailed.Stage;
import com.notalabel.types.events.payment.PayoutRequested;
import com.notalabel.types.events.payment.SplitInvitationSent;
import com.notalabel.types.events.user.EmailVerificationRequested;
import com.notalabel.types.events.user.PasswordResetRequested;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.events.user.UserDeleted;
import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.events.user.UserProfileUpdated.ProfileLink;
import com.notalabel.types.events.user.UserRegistered;
import com.notalabel.types.id.AlbumId;
import com.notalabel.types.id.PayoutId;
import com.notalabel.types.id.ReleaseId;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.money.Money;

/**
 * One fixed envelope per event type: the values behind the golden files in
 * {@code src/test/resources/golden/events}. Built with the envelope's constructor, not
 * {@code wrap}, so that nothing in them depends on the clock or a random generator.
 */
public final class SampleEvents {

	public static final UserId USER = UserId.parse("01961c2a-8f00-7a1e-9c3b-5d2e4f6a7b01");

	public static final SessionId SESSION = SessionId.parse("01961c2a-9e40-7b52-8d14-6e3f5a7b8c02");

	public static final TrackId TRACK = TrackId.parse("01961c2b-0a80-7c63-a1f5-7f4a6b8c9d03");

	public static final TrackId SECOND_TRACK = TrackId.parse("01961c2b-0a80-7c63-a1f5-7f4a6b8c9d04");

	public static final AlbumId ALBUM = AlbumId.parse("01961c2b-3c00-7d74-b2a6-8a5b7c9d0e05");

	public static final UUID IMPORT = UUID.fromString("01961c2d-7f00-7f96-94c8-ac7d9e1f2a07");

	public static final ReleaseId RELEASE = ReleaseId.parse("01961c2c-5e00-7e85-83b7-9b6c8d0e1f06");

	public static final UUID INVITATION = UUID.fromString("01961c2e-9100-7a07-a5d9-bd8e0f2a3b08");

	public static final PayoutId PAYOUT = PayoutId.parse("01961c2f-a200-7b18-b6ea-ce9f1a3b4c09");

	private static final List<EventEnvelope<?>> ALL = List.of(
			user("01961c30-1000-7000-8000-000000000001", "2026-03-14T09:00:00Z",
					new UserRegistered(USER, "ada@example.com", "Ada Lovelace", Instant.parse("2026-03-14T09:00:00Z"))),
			user("01961c30-1000-7000-8000-000000000002", "2026-03-14T09:00:00Z",
					new EmailVerificationRequested(USER, "ada@example.com", "Ada Lovelace",
							"q7Lk2vXw9RbT4nYc8MzP1sHd6FgJ3aEu", Instant.parse("2026-03-15T09:00:00Z"))),
			user("01961c30-1000-7000-8000-000000000003", "2026-03-14T10:15:30Z",
					new PasswordResetRequested(USER, "ada@example.com", "Ada Lovelace",
							"Zr5Tn8Qw2Ly7Kc4Vb1Xm9Hs3Gd6Fp0Ja", Instant.parse("2026-03-14T11:15:30Z"))),
			user("01961c30-1000-7000-8000-000000000004", "2026-03-14T10:20:00.125Z",
					new UserProfileUpdated(USER, "Ada Lovelace", "ada", null, List.of("electronic", "ambient"),
							"London, UK",
							List.of(new ProfileLink("Bandcamp", "https://ada.bandcamp.com"),
									new ProfileLink("Instagram", "https://www.instagram.com/ada.music")),
							null, Instant.parse("2026-03-14T10:20:00.125Z"))),
			user("01961c30-1000-7000-8000-000000000005", "2026-03-14T10:30:00Z",
					new SessionRevoked(USER, SESSION, RevocationReason.REFRESH_TOKEN_REUSE,
							Instant.parse("2026-03-14T10:30:00Z"))),
			user("01961c30-1000-7000-8000-000000000006", "2026-03-20T18:45:00Z",
					new UserDeleted(USER, Instant.parse("2026-03-20T18:45:00Z"))),
			music("01961c30-2000-7000-8000-000000000007", "2026-03-14T11:00:00Z", TRACK,
					new TrackUploaded(TRACK, USER, "Night Drive", "wav", 48213456L,
							"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
							Instant.parse("2026-03-14T11:00:00Z"))),
			music("01961c30-2000-7000-8000-000000000008", "2026-03-14T11:00:42.500Z", TRACK,
					new TrackProcessed(TRACK, USER,
							new AnalysisSummary(213.48, 48000, 24, 2, -14.2, -1.1, 6.5, 122.0, "A minor", true),
							Instant.parse("2026-03-14T11:00:42.500Z"))),
			music("01961c30-2000-7000-8000-000000000009", "2026-03-14T11:05:10Z", SECOND_TRACK,
					new TrackProcessingFailed(SECOND_TRACK, USER,
							"The file is not audio we can read. Upload a WAV, FLAC, AIFF or MP3 file.",
							Instant.parse("2026-03-14T11:05:10Z"))),
			music("01961c30-2000-7000-8000-00000000000a", "2026-03-16T08:00:00Z", SECOND_TRACK,
					new TrackDeleted(SECOND_TRACK, USER, Instant.parse("2026-03-16T08:00:00Z"))),
			music("01961c30-2000-7000-8000-00000000000b", "2026-03-16T08:30:00Z", ALBUM,
					new AlbumUpdated(ALBUM, USER, "Night Drive", AlbumType.EP, Upc.parse("036000291452"),
							LocalDate.parse("2026-05-01"), null, "Electronic", "℗ 2026 Ada Lovelace",
							"© 2026 Ada Lovelace", List.of(TRACK, SECOND_TRACK), true, false,
							Instant.parse("2026-03-16T08:30:00Z"))),
			music("01961c30-2000-7000-8000-00000000000c", "2026-03-14T11:00:42.500Z", TRACK,
					new TrackUpdated(TRACK, USER, "Night Drive", "Extended Mix", Isrc.parse("GBAYE2600001"), false,
							"Electronic", "en",
							List.of(new Credit("Ada Lovelace", Role.MAIN_ARTIST),
									new Credit("Charles Babbage", Role.PRODUCER)),
							TrackUpdated.Status.READY, "wav", 48213456L,
							"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08",
							"originals/01961c2a-8f00-7a1e-9c3b-5d2e4f6a7b01/01961c2b-0a80-7c63-a1f5-7f4a6b8c9d03",
							new AudioFacts("wav", "pcm_s24le", true, false, 48000, 24, 2, 213.48, -1.1, -14.2), false,
							Instant.parse("2026-03-14T11:00:42.500Z"))),
			distribution("01961c30-3000-7000-8000-00000000000d", "2026-03-20T09:00:00Z",
					new ReleaseSubmitted(RELEASE, USER, ALBUM, "Night Drive", Upc.parse("036000291452"),
							LocalDate.parse("2026-05-01"), List.of("spotify", "deezer"), List.of("Worldwide"),
							List.of(TRACK, SECOND_TRACK), "Ada Lovelace", Instant.parse("2026-03-20T09:00:00Z"))),
			distribution("01961c30-3000-7000-8000-00000000000e", "2026-03-20T09:05:00Z",
					new ReleaseStatusChanged(RELEASE, USER, ALBUM, "Night Drive", Upc.parse("036000291452"), "deezer",
							DeliveryStatus.REJECTED, List.of("The cover is smaller than 3000 x 3000 pixels."),
							Instant.parse("2026-03-20T09:05:00Z"))),
			payment("01961c30-5000-7000-8000-000000000010", "2026-03-21T10:00:00Z", INVITATION,
					new SplitInvitationSent(INVITATION, USER, TRACK, "Night Drive", "charles@example.com",
							SplitInvitationSent.Role.PRODUCER, 3333, "Tk4Lm9Qx2Wv7Bn3Rc8Yz5Hs1Gd6Fp0Ja",
							Instant.parse("2026-04-20T10:00:00Z"), Instant.parse("2026-03-21T10:00:00Z"))),
			payment("01961c30-5000-7000-8000-000000000011", "2026-05-12T08:00:00Z", PAYOUT,
					new PayoutRequested(PAYOUT, USER, Money.of(12345, "USD"), Instant.parse("2026-05-12T08:00:00Z"))),
			payment("01961c30-5000-7000-8000-000000000012", "2026-05-12T08:00:01.250Z", PAYOUT,
					new PayoutCompleted(PAYOUT, USER, Money.of(12345, "USD"),
							Instant.parse("2026-05-12T08:00:01.250Z"))),
			payment("01961c30-5000-7000-8000-000000000013", "2026-05-12T08:00:01.250Z", PAYOUT,
					new PayoutFailed(PAYOUT, USER, Money.of(12345, "USD"), Stage.TRANSFER,
							"Stripe refused the transfer: the connected account cannot receive transfers yet.",
							Instant.parse("2026-05-12T08:00:01.250Z"))),
			analytics("01961c30-4000-7000-8000-00000000000f", "2026-05-10T06:00:00Z", IMPORT,
					new EarningsRecorded(IMPORT, USER, "store",
							List.of(new EarningsRecorded.Line(TRACK, ALBUM, "spotify", LocalDate.parse("2026-04-01"),
									LocalDate.parse("2026-04-30"), Money.of(1234, "USD")),
									new EarningsRecorded.Line(null, ALBUM, "spotify", LocalDate.parse("2026-04-01"),
											LocalDate.parse("2026-04-30"), Money.of(87, "EUR"))),
							Instant.parse("2026-05-10T06:00:00Z"))),
			analytics("01961c30-4000-7000-8000-000000000010", "2026-05-10T06:00:00Z", USER,
					new AnalyticsRolledUp(USER, List.of(LocalDate.parse("2026-04-01"), LocalDate.parse("2026-05-09")),
							List.of(TRACK), "import", Instant.parse("2026-05-10T06:00:00Z"))),
			analytics("01961c30-4000-7000-8000-000000000011", "2026-05-10T06:00:00Z", TRACK,
					new MilestoneReached(USER, TRACK, "Night Drive", 10000, 10412,
							Instant.parse("2026-05-10T06:00:00Z"))),
			analytics("01961c30-4000-7000-8000-000000000012", "2026-05-10T06:00:00Z", TRACK,
					new SpikeDetected(USER, TRACK, "Night Drive", "streams", SpikeDetected.Granularity.DAY,
							LocalDate.parse("2026-05-09"), 5200, 180.5, Instant.parse("2026-05-10T06:00:00Z"))),
			analytics("01961c30-4000-7000-8000-000000000013", "2026-05-10T06:00:00Z", TRACK,
					new SuspiciousActivity(USER, TRACK, "Night Drive", SpikeDetected.Granularity.DAY,
							LocalDate.parse("2026-05-09"), 5200, 180.5, SuspiciousActivity.Dimension.COUNTRY, "BR",
							0.93, 0.04, Instant.parse("2026-05-10T06:00:00Z"))));

	private SampleEvents() {
	}

	public static List<EventEnvelope<?>> all() {
		return ALL;
	}

	public static EventEnvelope<?> of(String type) {
		return ALL.stream()
			.filter((envelope) -> envelope.type().equals(type))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No sample of " + type));
	}

	private static EventEnvelope<?> user(String id, String occurredAt, DomainEvent event) {
		return envelope(id, occurredAt, "user-service", USER, event);
	}

	private static EventEnvelope<?> music(String id, String occurredAt, Object subject, DomainEvent event) {
		return envelope(id, occurredAt, "music-service", subject, event);
	}

	private static EventEnvelope<?> distribution(String id, String occurredAt, DomainEvent event) {
		return envelope(id, occurredAt, "distribution-service", RELEASE, event);
	}

	private static EventEnvelope<?> payment(String id, String occurredAt, Object subject, DomainEvent event) {
		return envelope(id, occurredAt, "payment-service", subject, event);
	}

	private static EventEnvelope<?> analytics(String id, String occurredAt, Object subject, DomainEvent event) {
		return envelope(id, occurredAt, "analytics-service", subject, event);
	}

	// Type and subject are set here rather than read from the annotation and subject(),
	// so that the golden files also catch an annotation or a subject() changed by mistake.
	private static EventEnvelope<?> envelope(String id, String occurredAt, String producer, Object subject,
			DomainEvent event) {
		String type = producer.substring(0, producer.indexOf('-')) + "." + event.getClass().getSimpleName();
		return new EventEnvelope<>(UUID.fromString(id), type, 1, Instant.parse(occurredAt), producer,
				subject.toString(), event);
	}

}
