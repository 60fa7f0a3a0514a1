package com.notalabel.user.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.redis.core.StringRedisTemplate;

import com.notalabel.shared.broadcast.Broadcaster;
import com.notalabel.test.http.Response;
import com.notalabel.test.http.SetCookie;
import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.events.user.SessionRevoked;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;
import com.notalabel.types.redis.RedisKeys;
import com.notalabel.types.session.SessionRevocationNotice;
import com.notalabel.user.UserServiceIntegrationTest;
import com.notalabel.user.testing.Jwts;
import com.notalabel.user.testing.Person;
import com.notalabel.user.testing.UserServiceApi;

import static org.assertj.core.api.Assertions.assertThat;

@UserServiceIntegrationTest
class LogoutIntegrationTests {

	private final UserServiceApi api;

	private final StringRedisTemplate redis;

	private final RedisKeys keys;

	private final Broadcaster broadcaster;

	private final List<SessionRevocationNotice> notices = new CopyOnWriteArrayList<>();

	private Broadcaster.Subscription subscription = () -> {
	};

	LogoutIntegrationTests(@Autowired UserServiceApi api, @Autowired StringRedisTemplate redis,
			@Autowired RedisKeys keys, @Autowired Broadcaster broadcaster) {
		this.api = api;
		this.redis = redis;
		this.keys = keys;
		this.broadcaster = broadcaster;
	}

	@BeforeEach
	void listenLikeAGateway() {
		this.subscription = this.broadcaster.subscribe(SessionRevocationNotice.CHANNEL, SessionRevocationNotice.class,
				this.notices::add);
		SessionRevocationNotice probe = new SessionRevocationNotice(SessionId.newId(), UserId.newId(), Instant.now(),
				Instant.now());
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
			this.broadcaster.publish(SessionRevocationNotice.CHANNEL, probe);
			return this.notices.contains(probe);
		});
	}

	@AfterEach
	void stopListening() {
		this.subscription.cancel();
	}

	@Test
	void endsTheSessionClearsTheCookiesAndTellsTheGatewaysWithinASecond() {
		Person person = this.api.people().register();

		Response response = this.api.http().post("/api/v1/auth/logout").cookie("nal_rt", person.refreshToken()).send();

		assertThat(response.status()).isEqualTo(204);
		SetCookie access = response.cookie("nal_at").orElseThrow();
		SetCookie refresh = response.cookie("nal_rt").orElseThrow();
		assertThat(access.maxAge()).isZero();
		assertThat(access.attribute("Path")).isEqualTo("/");
		assertThat(refresh.maxAge()).isZero();
		assertThat(refresh.attribute("Path")).isEqualTo("/api/v1/auth");
		assertThat(response.cookie("nal_dev")).as("the browser stays known").isEmpty();
		SessionRevocationNotice notice = Awaitility.await()
			.atMost(Duration.ofSeconds(1))
			.until(() -> noticeFor(person.session()), (found) -> found != null);
		long tokenExpiry = Jwts.claims(person.accessToken()).path("exp").asLong();
		assertThat(notice.userId()).isEqualTo(person.id());
		assertThat(notice.tokensExpireAt().getEpochSecond()).isEqualTo(tokenExpiry);
		assertThat(this.redis.opsForZSet().score(this.keys.revokedSessions(), person.session().toString()))
			.isEqualTo((double) tokenExpiry * 1000);
	}

	@Test
	void makesTheSessionsTokensUselessAndPublishesTheRevocation() {
		Person person = this.api.people().register();

		this.api.http().post("/api/v1/auth/logout").cookie("nal_rt", person.refreshToken()).send();

		assertThat(this.api.http().post("/api/v1/auth/refresh").cookie("nal_rt", person.refreshToken()).send().status())
			.isEqualTo(401);
		Response me = this.api.http().get("/api/v1/users/me").bearer(person.accessToken()).send();
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("auth.invalid_token");
		SessionRevoked revoked = this.api.events()
			.await(SessionRevoked.class, (event) -> event.sessionId().equals(person.session()));
		assertThat(revoked.userId()).isEqualTo(person.id());
		assertThat(revoked.reason()).isEqualTo(RevocationReason.LOGOUT);
	}

	@Test
	void clearsTheCookiesEvenWithoutASession() {
		Response response = this.api.http().post("/api/v1/auth/logout").cookie("nal_at", "stale").send();

		assertThat(response.status()).isEqualTo(204);
		assertThat(response.cookie("nal_at").orElseThrow().maxAge()).isZero();
		assertThat(response.cookie("nal_rt").orElseThrow().maxAge()).isZero();
	}

	@Test
	void leavesTheOtherSessionsOfThePersonAlone() {
		Person laptop = this.api.people().register();
		Person phone = this.api.people().signIn(laptop);

		this.api.http().post("/api/v1/auth/logout").cookie("nal_rt", laptop.refreshToken()).send();

		assertThat(this.api.http().get("/api/v1/users/me").bearer(phone.accessToken()).send().status()).isEqualTo(200);
	}

	private SessionRevocationNotice noticeFor(SessionId session) {
		return this.notices.stream().filter((notice) -> notice.sessionId().equals(session)).findFirst().orElse(null);
	}

}
