package com.notalabel.shared.broadcast;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.notalabel.shared.testapp.SharedUtilsIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@SharedUtilsIntegrationTest
class BroadcasterIntegrationTests {

	@Autowired
	Broadcaster broadcaster;

	record Revocation(UUID sessionId, String reason) {

	}

	record LaterRevocation(UUID sessionId, String reason, String device) {

	}

	@Test
	void deliversAMessageToEverySubscriberUntilCancelled() {
		List<Revocation> first = new CopyOnWriteArrayList<>();
		List<Revocation> second = new CopyOnWriteArrayList<>();
		String channel = "test-" + UUID.randomUUID();
		Broadcaster.Subscription one = this.broadcaster.subscribe(channel, Revocation.class, first::add);
		Broadcaster.Subscription two = this.broadcaster.subscribe(channel, Revocation.class, second::add);
		Revocation revocation = new Revocation(UUID.randomUUID(), "LOGOUT");

		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.broadcaster.publish(channel, revocation) > 0 && !first.isEmpty() && !second.isEmpty());
		assertThat(first).contains(revocation);
		assertThat(second).contains(revocation);

		one.cancel();
		two.cancel();
		await().atMost(Duration.ofSeconds(5))
			.until(() -> this.broadcaster.publish(channel, new Revocation(UUID.randomUUID(), "LOGOUT")) == 0);
	}

	record Numbered(long seq) {

	}

	@Test
	void handsMessagesOverInTheOrderTheyWerePublished() {
		List<Long> received = new CopyOnWriteArrayList<>();
		String channel = "test-" + UUID.randomUUID();
		Broadcaster.Subscription subscription = this.broadcaster.subscribe(channel, Numbered.class, (message) -> {
			// A listener that takes a moment, as a stream's write does: later messages must wait.
			Thread.onSpinWait();
			received.add(message.seq());
		});
		try {
			await().atMost(Duration.ofSeconds(5))
				.until(() -> this.broadcaster.publish(channel, new Numbered(0)) > 0 && !received.isEmpty());
			received.clear();
			for (long seq = 1; seq <= 2_000; seq++) {
				this.broadcaster.publish(channel, new Numbered(seq));
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> received.contains(2_000L));
			assertThat(received).isSorted().doesNotHaveDuplicates();
			assertThat(received).endsWith(2_000L);
		}
		finally {
			subscription.cancel();
		}
	}

	@Test
	void dropsAMessageThatIsNotOfTheSubscribedType() {
		List<Revocation> received = new CopyOnWriteArrayList<>();
		String channel = "test-" + UUID.randomUUID();
		Broadcaster.Subscription subscription = this.broadcaster.subscribe(channel, Revocation.class, received::add);
		try {
			Revocation valid = new Revocation(UUID.randomUUID(), "LOGOUT");
			await().atMost(Duration.ofSeconds(5)).until(() -> {
				this.broadcaster.publish(channel, "just a string");
				this.broadcaster.publish(channel, valid);
				return received.contains(valid);
			});
			assertThat(received).allSatisfy((revocation) -> assertThat(revocation).isEqualTo(valid));
		}
		finally {
			subscription.cancel();
		}
	}

	@Test
	void readsAMessageFromANewerSenderThatHasMoreFields() {
		List<Revocation> received = new CopyOnWriteArrayList<>();
		String channel = "test-" + UUID.randomUUID();
		Broadcaster.Subscription subscription = this.broadcaster.subscribe(channel, Revocation.class, received::add);
		try {
			LaterRevocation later = new LaterRevocation(UUID.randomUUID(), "LOGOUT", "phone");
			await().atMost(Duration.ofSeconds(5)).until(() -> {
				this.broadcaster.publish(channel, later);
				return !received.isEmpty();
			});
			assertThat(received).first().isEqualTo(new Revocation(later.sessionId(), "LOGOUT"));
		}
		finally {
			subscription.cancel();
		}
	}

}
