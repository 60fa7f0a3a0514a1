package com.notalabel.shared.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;

import com.notalabel.test.infra.RestartableRedis;
import com.notalabel.types.events.user.UserRegistered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.awaitility.Awaitility.await;

/**
 * The guarantees of the event bus (ARCHITECTURE.md §5), against real PostgreSQL and
 * Redis. Each test would fail if an event were lost or its effect happened twice.
 */
class EventBusIntegrationTests {

	private BusFixture bus;

	@AfterEach
	void close() {
		if (this.bus != null) {
			this.bus.close();
		}
	}

	@Test
	void publishesNothingWhenTheTransactionRollsBack() {
		this.bus = BusFixture.onRunRedis();
		OutboxRelay relay = this.bus.relay();
		EventPublisher publisher = this.bus.publisher(relay::wakeUp);

		this.bus.transactions.executeWithoutResult((status) -> {
			publisher.publish(BusFixture.registration(1));
			status.setRollbackOnly();
		});

		assertThat(this.bus.outboxSize()).isZero();
		assertThat(relay.relayOnce()).isZero();
		assertThat(this.bus.streamLength()).isZero();

		this.bus.publishCommitted(publisher, 1, 1);
		assertThat(relay.relayOnce()).isEqualTo(1);
		assertThat(this.bus.streamLength()).isEqualTo(1);
		assertThat(this.bus.outboxSize()).isZero();
	}

	@Test
	void refusesToPublishOutsideATransaction() {
		this.bus = BusFixture.onRunRedis();
		EventPublisher publisher = this.bus.publisher(() -> {
		});

		assertThatIllegalStateException().isThrownBy(() -> publisher.publish(BusFixture.registration(1)))
			.withMessageContaining("transaction");
		assertThat(this.bus.outboxSize()).isZero();
	}

	@Test
	void relaysEventsCommittedBeforeACrashWhenTheServiceComesBack() {
		this.bus = BusFixture.onRunRedis();
		// The service commits and dies before its relay ran: only the outbox knows.
		EventPublisher publisher = this.bus.publisher(() -> {
		});
		List<UserRegistered> committed = this.bus.publishCommitted(publisher, 25, 5);
		assertThat(this.bus.outboxSize()).isEqualTo(25);
		assertThat(this.bus.streamLength()).isZero();

		OutboxRelay restarted = this.bus.relay();
		restarted.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.streamLength() == 25);
		assertThat(this.bus.outboxSize()).isZero();
		List<MapRecord<String, Object, Object>> entries = this.bus.redis.opsForStream()
			.range(this.bus.stream(), Range.unbounded());
		assertThat(entries).extracting((entry) -> (String) entry.getValue().get(OutboxRelay.FIELD_ENVELOPE))
			.allSatisfy((json) -> assertThat(json).contains("\"type\":\"user.UserRegistered\""));
		assertThat(entries.stream().map((entry) -> (String) entry.getValue().get(OutboxRelay.FIELD_ENVELOPE)))
			.anySatisfy((json) -> assertThat(json).contains(committed.getLast().userId().toString()));
	}

	@Test
	void wakesTheRelayOnCommitRatherThanAtTheNextPoll() {
		this.bus = BusFixture.onRunRedis();
		OutboxRelay relay = new OutboxRelay(this.bus.store, this.bus.transactions, this.bus.redis, this.bus.keys,
				new EventBusProperties.Relay(true, Duration.ofMinutes(10), 500, 1_000_000), this.bus.meters);
		relay.start();
		try {
			await().atMost(Duration.ofSeconds(5)).until(relay::isRunning);
			this.bus.publishCommitted(this.bus.publisher(relay::wakeUp), 3, 3);
			// The poll interval is ten minutes: only the commit's wake-up can explain this.
			await().atMost(Duration.ofSeconds(5)).until(() -> this.bus.streamLength() == 3);
		}
		finally {
			relay.stop();
		}
	}

	@Test
	void handlesAnEventRelayedTwiceOnlyOnce() {
		this.bus = BusFixture.onRunRedis();
		EventPublisher publisher = this.bus.publisher(() -> {
		});
		this.bus.publishCommitted(publisher, 10, 10);
		// The relay died after Redis accepted the batch and before its delete committed:
		// the next relay sends the same events again.
		List<EventStore.OutboxEntry> firstAttempt = this.bus.transactions
			.execute((status) -> this.bus.store.nextBatch(100));
		for (EventStore.OutboxEntry entry : firstAttempt) {
			this.bus.redis.opsForStream()
				.add(StreamRecords
					.string(Map.of(OutboxRelay.FIELD_TYPE, entry.eventType(), OutboxRelay.FIELD_ID,
							entry.eventId().toString(), OutboxRelay.FIELD_ENVELOPE, entry.envelope()))
					.withStreamKey(this.bus.stream()));
		}
		assertThat(this.bus.relay().relayOnce()).isEqualTo(10);
		assertThat(this.bus.streamLength()).isEqualTo(20);

		EventConsumer consumer = this.bus.consumer("instance-a", 5);
		consumer.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.pending() == 0 && this.bus.effects() >= 10);
		assertThat(this.bus.effects()).isEqualTo(10);
		assertThat(this.bus.processed()).isEqualTo(10);
		assertThat(this.bus.meters.find("nal.events.consumed").tag("outcome", "duplicate").counter().count())
			.isEqualTo(10);
	}

	@ParameterizedTest(name = "restarted under the same consumer name: {0}")
	@ValueSource(booleans = { true, false })
	void handlesEveryEventOfABurstExactlyOnceAcrossACrash(boolean sameName) throws InterruptedException {
		this.bus = BusFixture.onRunRedis();
		// Three committed batches, the crash once a third is handled: every path a crash can
		// cut, at a third of the build time that 10 000 events cost.
		int burst = 3_000;
		OutboxRelay relay = this.bus.relay();
		EventPublisher publisher = this.bus.publisher(relay::wakeUp);
		relay.start();
		AtomicInteger handled = new AtomicInteger();
		this.bus.beforeEffect((event) -> handled.incrementAndGet());
		AtomicReference<EventConsumer> first = new AtomicReference<>();
		AtomicReference<Thread> crash = new AtomicReference<>();
		first.set(this.bus.consumer("instance-a", 5, (xack) -> (stream, id) -> {
			if (handled.get() >= burst / 3 && crash.get() == null) {
				// The process dies between this event's commit and its acknowledgement.
				crash.compareAndSet(null, Thread.ofVirtual().start(first.get()::stop));
			}
			if (crash.get() == null) {
				xack.acknowledge(stream, id);
			}
		}));
		first.get().start();

		Set<String> published = this.bus.publishCommitted(publisher, burst, 1_000)
			.stream()
			.map((event) -> event.userId().toString())
			.collect(Collectors.toSet());

		await().atMost(Duration.ofSeconds(60)).until(() -> crash.get() != null);
		crash.get().join();
		assertThat(first.get().isRunning()).isFalse();
		long handledBeforeCrash = this.bus.effects();
		assertThat(handledBeforeCrash).isBetween((long) burst / 3, burst - 1L);
		// The crash left entries delivered to the dead instance and not acknowledged,
		// some of them already handled.
		assertThat(this.bus.pending()).isPositive();

		EventConsumer second = this.bus.consumer(sameName ? "instance-a" : "instance-b", 5);
		second.start();

		await().atMost(Duration.ofSeconds(120))
			.until(() -> this.bus.distinctEffects() == burst && this.bus.pending() == 0);
		assertThat(this.bus.effects()).as("effects, duplicates included").isEqualTo(burst);
		assertThat(this.bus.processed()).isEqualTo(burst);
		assertThat(this.bus.outboxSize()).isZero();
		assertThat(this.bus.deadLetters()).isZero();
		assertThat(this.bus.meters.find("nal.events.consumed").tag("outcome", "duplicate").counter().count())
			.as("entries handled before the crash and delivered again")
			.isPositive();
		assertThat(this.bus.jdbc.sql("select user_id::text from " + this.bus.schema + ".effect")
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(published);
	}

	@Test
	void deadLettersAnEventWhoseHandlerKeepsFailingWhileTheOthersFlow() {
		this.bus = BusFixture.onRunRedis();
		OutboxRelay relay = this.bus.relay();
		EventPublisher publisher = this.bus.publisher(relay::wakeUp);
		relay.start();
		List<UserRegistered> events = this.bus.publishCommitted(publisher, 50, 50);
		UserRegistered poison = events.get(10);
		this.bus.beforeEffect((event) -> {
			if (event.equals(poison)) {
				throw new IllegalStateException("cannot handle " + event.email());
			}
		});
		EventConsumer consumer = this.bus.consumer("instance-a", 3);
		consumer.start();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.bus.deadLetters() == 1 && this.bus.pending() == 0);
		assertThat(this.bus.effects()).isEqualTo(49);
		assertThat(this.bus.attempts.get(poison.userId())).hasValue(3);
		MapRecord<String, Object, Object> deadLetter = this.bus.redis.opsForStream()
			.range(this.bus.keys.deadLetterStream(BusFixture.GROUP), Range.unbounded())
			.getFirst();
		assertThat(deadLetter.getValue()).containsEntry("deliveries", "3")
			.containsEntry("stream", this.bus.stream())
			.containsEntry("group", BusFixture.GROUP);
		assertThat((String) deadLetter.getValue().get("reason")).contains("cannot handle " + poison.email());
		assertThat((String) deadLetter.getValue().get(OutboxRelay.FIELD_ENVELOPE)).contains(poison.userId().toString());
		assertThat(this.bus.meters.find("nal.events.dead.lettered").counter().count()).isEqualTo(1);
		assertThat(this.bus.meters.find("nal.events.handler.failures").counter().count()).isEqualTo(3);
	}

	@Test
	void deadLettersAnUndecodableEntryAtOnce() {
		this.bus = BusFixture.onRunRedis();
		this.bus.redis.opsForStream()
			.add(StreamRecords
				.string(Map.of(OutboxRelay.FIELD_TYPE, "user.UserRegistered", OutboxRelay.FIELD_ENVELOPE, "{not json"))
				.withStreamKey(this.bus.stream()));
		EventConsumer consumer = this.bus.consumer("instance-a", 5);
		consumer.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.deadLetters() == 1);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.pending() == 0);
		assertThat(this.bus.effects()).isZero();
	}

	@Test
	void resumesAfterRedisIsRestarted() {
		try (RestartableRedis server = RestartableRedis.start()) {
			this.bus = new BusFixture(server.host(), server.port());
			OutboxRelay relay = this.bus.relay();
			EventPublisher publisher = this.bus.publisher(relay::wakeUp);
			relay.start();
			EventConsumer consumer = this.bus.consumer("instance-a", 5);
			consumer.start();
			this.bus.publishCommitted(publisher, 10, 10);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.effects() == 10);

			// Without persistence the restart loses the stream and the consumer group.
			server.restart();
			this.bus.publishCommitted(publisher, 10, 10);

			await().atMost(Duration.ofSeconds(30)).until(() -> this.bus.effects() == 20);
			await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.pending() == 0);
			assertThat(this.bus.distinctEffects()).isEqualTo(20);
			assertThat(consumer.isRunning()).isTrue();
		}
	}

	@Test
	void readsOnWhenItsGroupDisappearsUnderIt() {
		this.bus = BusFixture.onRunRedis();
		OutboxRelay relay = this.bus.relay();
		EventPublisher publisher = this.bus.publisher(relay::wakeUp);
		relay.start();
		EventConsumer consumer = this.bus.consumer("instance-a", 5);
		consumer.start();
		this.bus.publishCommitted(publisher, 5, 5);
		await().atMost(Duration.ofSeconds(10)).until(() -> this.bus.effects() == 5);

		// What a Redis restart without its data does to a group, with the stream kept:
		// reads now answer NOGROUP.
		this.bus.redis.opsForStream().destroyGroup(this.bus.stream(), BusFixture.GROUP);
		this.bus.publishCommitted(publisher, 5, 5);

		await().atMost(Duration.ofSeconds(30)).until(() -> this.bus.effects() == 10 && this.bus.pending() == 0);
		assertThat(this.bus.distinctEffects()).isEqualTo(10);
		// The recreated group starts at the stream's first entry again.
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.bus.meters.find("nal.events.consumed")
				.tag("outcome", "duplicate")
				.counter()
				.count() == 5);
		assertThat(consumer.isRunning()).isTrue();
	}

	@Test
	void removesADeadInstancesConsumerOnceItsEntriesAreTakenOver() {
		this.bus = BusFixture.onRunRedis();
		OutboxRelay relay = this.bus.relay();
		EventPublisher publisher = this.bus.publisher(relay::wakeUp);
		this.bus.publishCommitted(publisher, 5, 5);
		relay.relayOnce();
		// An instance read the entries and died before handling them.
		this.bus.redis.opsForStream().createGroup(this.bus.stream(), ReadOffset.from("0"), BusFixture.GROUP);
		this.bus.redis.opsForStream()
			.read(Consumer.from(BusFixture.GROUP, "instance-dead"), StreamReadOptions.empty().count(10),
					StreamOffset.create(this.bus.stream(), ReadOffset.lastConsumed()));
		assertThat(this.bus.consumers()).containsExactly("instance-dead");

		EventConsumer survivor = this.bus.consumer("instance-b", 5);
		survivor.start();

		await().atMost(Duration.ofSeconds(20)).until(() -> this.bus.effects() == 5 && this.bus.pending() == 0);
		await().atMost(Duration.ofSeconds(20)).until(() -> this.bus.consumers().equals(List.of("instance-b")));
		// Its own consumer stays, however long it has been idle (staleAfter is 500 ms).
		await().during(Duration.ofSeconds(2))
			.atMost(Duration.ofSeconds(5))
			.until(() -> this.bus.consumers().equals(List.of("instance-b")));
	}

}
