package com.notalabel.payment.split;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.notalabel.payment.earnings.EarningsPosting;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.payment.testing.Artists;
import com.notalabel.payment.testing.Artists.Artist;
import com.notalabel.payment.testing.PaymentFixture;
import com.notalabel.payment.testing.PaymentServiceIntegrationTest;
import com.notalabel.test.http.Response;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.events.payment.SplitInvitationSent;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.redis.RedisKeys;

import static com.notalabel.payment.testing.PaymentFixture.collaborator;
import static com.notalabel.payment.testing.PaymentFixture.owner;
import static com.notalabel.test.http.ProblemAssertions.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

@PaymentServiceIntegrationTest
class SplitApiIntegrationTests {

	private final PaymentFixture fixture;

	@Autowired
	SplitApiIntegrationTests(@LocalServerPort int port, StringRedisTemplate redis, EventCodec codec, RedisKeys keys,
			EarningsPosting posting, PlatformTransactionManager transactions, Ledger ledger, JdbcClient jdbc) {
		this.fixture = new PaymentFixture(port, redis, codec, keys, posting, transactions, ledger, jdbc);
	}

	@Test
	void answersEverythingToTheOwnerBeforeASplitIsSet() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Default");

		Response response = ada.http().get("/api/v1/payments/splits/" + track).send();

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().path("version").asInt()).isZero();
		assertThat(response.json().path("shares")).singleElement().satisfies((share) -> {
			assertThat(share.path("basisPoints").asInt()).isEqualTo(10_000);
			assertThat(share.path("status").asString()).isEqualTo("OWNER");
		});
	}

	@Test
	void setsANewVersionAndInvitesEachNewCollaboratorOnce() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Invites");
		String email = PaymentFixture.newEmail();

		Response first = ada.http()
			.put("/api/v1/payments/splits/" + track)
			.json(Map.of("shares",
					List.of(owner("MAIN_ARTIST", 6000), collaborator(email.toUpperCase(), "PRODUCER", 4000))))
			.send();
		Response second = ada.http()
			.put("/api/v1/payments/splits/" + track)
			.json(Map.of("shares", List.of(owner("MAIN_ARTIST", 5000), collaborator(email, "PRODUCER", 5000))))
			.send();

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(second.json().path("version").asInt()).isEqualTo(2);
		assertThat(second.json().path("effectiveFrom").asString()).isNotBlank();
		JsonNode share = second.json().path("shares").get(1);
		assertThat(share.path("email").asString()).isEqualTo(email);
		assertThat(share.path("status").asString()).isEqualTo("INVITED");
		SplitInvitationSent invitation = this.fixture.invitationTo(email);
		assertThat(invitation.ownerId()).isEqualTo(ada.id());
		assertThat(invitation.trackId()).isEqualTo(track);
		assertThat(invitation.trackTitle()).isEqualTo("Invites");
		assertThat(invitation.basisPoints()).isEqualTo(4000);
		assertThat(invitation.expiresAt()).isAfter(Instant.now().plusSeconds(29 * 24 * 3600));
		assertThat(this.fixture.published.all(SplitInvitationSent.class, (event) -> event.email().equals(email)))
			.hasSize(1);
		// Only the token's hash is kept.
		assertThat(
				this.fixture.jdbc.sql("select count(*) from invitation where id = ? and token_hash = sha256(?::bytea)")
					.params(invitation.invitationId(), invitation.token())
					.query(Long.class)
					.single())
			.isEqualTo(1);
	}

	@Test
	void showsTheInvitationToWhoeverHasTheLinkAndLetsOnlyOneAccountAcceptIt() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Claim");
		String email = PaymentFixture.newEmail();
		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 5000), collaborator(email, "COMPOSER", 5000)));
		String token = this.fixture.invitationTo(email).token();
		Artist grace = this.fixture.artists.create();
		Artist mallory = this.fixture.artists.create();

		Response shown = grace.http().get("/api/v1/payments/splits/invitations/" + token).send();
		Response accepted = grace.http().post("/api/v1/payments/splits/invitations/" + token + "/accept").send();
		Response again = grace.http().post("/api/v1/payments/splits/invitations/" + token + "/accept").send();
		Response stolen = mallory.http().post("/api/v1/payments/splits/invitations/" + token + "/accept").send();

		assertThat(shown.status()).as(shown.toString()).isEqualTo(200);
		assertThat(shown.json().path("tracks")).singleElement()
			.satisfies((share) -> assertThat(share.path("basisPoints").asInt()).isEqualTo(5000));
		assertThat(accepted.status()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(200);
		assertProblem(stolen, 404, "invitation.not_found");
		assertThat(ada.http()
			.get("/api/v1/payments/splits/" + track)
			.send()
			.json()
			.path("shares")
			.get(1)
			.path("status")
			.asString()).isEqualTo("ACCEPTED");
	}

	@Test
	void sendsANewLinkWhenTheArtistNamesACollaboratorAgainAfterTheLinkExpired() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Expired");
		String email = PaymentFixture.newEmail();
		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 5000), collaborator(email, "PRODUCER", 5000)));
		SplitInvitationSent first = this.fixture.invitationTo(email);
		this.fixture.jdbc.sql("update invitation set expires_at = now() - interval '1 day' where id = ?")
			.param(first.invitationId())
			.update();
		Artist grace = this.fixture.artists.create();
		assertProblem(grace.http().post("/api/v1/payments/splits/invitations/" + first.token() + "/accept").send(), 404,
				"invitation.not_found");

		this.fixture.split(ada, track, List.of(owner("MAIN_ARTIST", 6000), collaborator(email, "PRODUCER", 4000)));

		SplitInvitationSent second = this.fixture.published.await(SplitInvitationSent.class,
				(event) -> event.email().equals(email) && !event.token().equals(first.token()));
		assertThat(second.invitationId()).isEqualTo(first.invitationId());
		assertThat(second.basisPoints()).isEqualTo(4000);
		assertProblem(grace.http().post("/api/v1/payments/splits/invitations/" + first.token() + "/accept").send(), 404,
				"invitation.not_found");
		assertThat(
				grace.http().post("/api/v1/payments/splits/invitations/" + second.token() + "/accept").send().status())
			.isEqualTo(200);
	}

	@Test
	void forgetsTheTrackOfADeletedTrack() {
		Artist ada = this.fixture.artists.create();
		TrackId track = this.fixture.artists.track(ada, "Gone");

		this.fixture.music.deliver(Artists.trackUpdated(track, ada.id(), "Gone", true));

		assertProblem(ada.http().get("/api/v1/payments/splits/" + track).send(), 404, "track.not_found");
	}

	@Nested
	class Refuses {

		@Test
		void anotherArtistsTrackAsIfItDidNotExist() {
			Artist ada = SplitApiIntegrationTests.this.fixture.artists.create();
			Artist mallory = SplitApiIntegrationTests.this.fixture.artists.create();
			TrackId track = SplitApiIntegrationTests.this.fixture.artists.track(ada, "Mine");

			Response read = mallory.http().get("/api/v1/payments/splits/" + track).send();
			Response written = mallory.http()
				.put("/api/v1/payments/splits/" + track)
				.json(Map.of("shares", List.of(owner("MAIN_ARTIST", 10_000))))
				.send();
			Response unknown = ada.http().get("/api/v1/payments/splits/" + TrackId.newId()).send();

			assertProblem(read, 404, "track.not_found");
			assertProblem(written, 404, "track.not_found");
			assertProblem(unknown, 404, "track.not_found");
			assertThat(ada.http().get("/api/v1/payments/splits/" + track).send().json().path("version").asInt())
				.isZero();
		}

		@Test
		void sharesThatDoNotAddUpToAHundredPercentAndChangesNothing() {
			Artist ada = SplitApiIntegrationTests.this.fixture.artists.create();
			TrackId track = SplitApiIntegrationTests.this.fixture.artists.track(ada, "Sums");

			Response response = ada.http()
				.put("/api/v1/payments/splits/" + track)
				.json(Map.of("shares",
						List.of(owner("MAIN_ARTIST", 3333), collaborator("a@example.com", "PRODUCER", 3333),
								collaborator("b@example.com", "PRODUCER", 3333))))
				.send();

			JsonNode problem = assertProblem(response, 400, "request.invalid");
			assertThat(response.errorFields()).containsExactly("shares");
			assertThat(problem.path("errors").get(0).path("message").asString()).contains("9999");
			assertThat(ada.http().get("/api/v1/payments/splits/" + track).send().json().path("version").asInt())
				.isZero();
		}

		@Test
		void aPayeeNamedTwiceABadAddressAndARecoupmentForNoShare() {
			Artist ada = SplitApiIntegrationTests.this.fixture.artists.create();
			TrackId track = SplitApiIntegrationTests.this.fixture.artists.track(ada, "Rules");

			Response response = ada.http()
				.put("/api/v1/payments/splits/" + track)
				.json(Map.of("shares",
						List.of(collaborator("x@example.com", "PRODUCER", 4000),
								collaborator("X@Example.com ", "MIXING_ENGINEER", 4000),
								collaborator("not an address", "SONGWRITER", 2000)),
						"recoupment",
						Map.of("email", "y@example.com", "amount", Map.of("amountMinor", 100, "currency", "USD"))))
				.send();

			assertProblem(response, 400, "request.invalid");
			assertThat(response.errorFields()).containsExactly("shares[1].email", "shares[2].email",
					"recoupment.email");
		}

		@Test
		void aShareOutOfRangeAnUnknownRoleAndNoShares() {
			Artist ada = SplitApiIntegrationTests.this.fixture.artists.create();
			TrackId track = SplitApiIntegrationTests.this.fixture.artists.track(ada, "Ranges");

			Response outOfRange = ada.http()
				.put("/api/v1/payments/splits/" + track)
				.json(Map.of("shares", List.of(owner("MAIN_ARTIST", 10_001))))
				.send();
			Response role = ada.http()
				.put("/api/v1/payments/splits/" + track)
				.json("{\"shares\": [{\"email\": null, \"role\": \"DRUMMER\", \"basisPoints\": 10000}]}")
				.send();
			Response none = ada.http().put("/api/v1/payments/splits/" + track).json(Map.of("shares", List.of())).send();

			assertProblem(outOfRange, 400, "request.invalid");
			assertProblem(role, 400, "request.invalid");
			assertProblem(none, 400, "request.invalid");
		}

		@Test
		void anInvitationLinkThatDoesNotExist() {
			Artist grace = SplitApiIntegrationTests.this.fixture.artists.create();

			assertProblem(grace.http().post("/api/v1/payments/splits/invitations/nonsense/accept").send(), 404,
					"invitation.not_found");
			assertProblem(grace.http().get("/api/v1/payments/splits/invitations/nonsense").send(), 404,
					"invitation.not_found");
		}

	}

}
