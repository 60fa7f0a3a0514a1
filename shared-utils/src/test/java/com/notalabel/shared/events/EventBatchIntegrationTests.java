package com.notalabel.shared.events;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Range;
import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.PendingMessage;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;

import com.notalabel.types.events.user.UserRegistered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The entries of one read handled together (ADR 50): one transaction, one
 * acknowledgement, and still each entry exactly once in effect. The tests hand chosen
 * batches to the dispatcher, as the reader does with what has queued up.
 */
class EventBatchIntegrationTests {

	private static final String CONSUMER = "instance-a";

	private BusFixture bus;

	private final List<List<RecordId>> acknowledgements = new CopyOnWriteArrayList<>();

	@BeforeEach
	void open() {
		this.bus = BusFixture.onRunRedis();
	}

	@AfterEach
	void close() {
		this.bus.close();
	}

	@Test
	void handlesABatchInOneTransactionAndAcknowledgesItOnce() {
		relayed(20);
		List<MapRecord<String, String, String>> batch = read(100);
		assertThat(batch).hasSize(20);

		dispatcher(recording()).dispatchAll(this.bus.stream(), batch);

		assertThat(this.bus.effects()).isEqualTo(20);
		assertThat(this.bus.distinctEffects()).isEqualTo(20);
		assertThat(this.bus.pending()).isZero();
		assertThat(this.acknowledgements).containsExactly(batch.stream().map(MapRecord::getId).toList());
		// now() is the transaction's start: one value, one transaction.
		assertThat(this.bus.jdbc.sql("select count(distinct handled_at) from " + this.bus.schema + ".processed_event")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.bus.meters.find("nal.events.consumed").tag("outcome", "handled").counter().count())
			.isEqualTo(20);
	}

	@Test
	void leavesOnlyTheFailingEventOfABatchPendingAndTriesItsHandlerOncePerDelivery() {
		List<UserRegistered> events = relayed(20);
		UserRegistered poison = events.get(7);
		this.bus.beforeEffect((event) -> {
			if (event.equals(poison)) {
				throw new IllegalStateException("cannot handle " + event.email());
			}
		});
		List<MapRecord<String, String, String>> batch = read(100);
		EventDispatcher dispatcher = dispatcher(recording());

		dispatcher.dispatchAll(this.bus.stream(), batch);

		assertThat(this.bus.effects()).isEqualTo(19);
		assertThat(this.bus.distinctEffects()).isEqualTo(19);
		assertThat(this.bus.attempts.get(poison.userId())).hasValue(1);
		RecordId poisonEntry = batch.get(7).getId();
		assertThat(pendingIds()).containsExactly(poisonEntry);
		assertThat(dispatcher.failedHere(poisonEntry)).isTrue();
		assertThat(this.acknowledgements.stream().flatMap(List::stream).toList()).containsExactlyInAnyOrderElementsOf(
				batch.stream().map(MapRecord::getId).filter((id) -> !id.equals(poisonEntry)).toList());
		assertThat(this.bus.meters.find("nal.events.handler.failures").counter().count()).isEqualTo(1);

		// The same instance comes back: the entry is retried alone and dead-lettered after
		// its third delivery, as an entry that failed alone would be.
		this.bus.consumer(CONSUMER, 3).start();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.bus.deadLetters() == 1 && this.bus.pending() == 0);
		assertThat(this.bus.attempts.get(poison.userId())).hasValue(3);
		assertThat(this.bus.effects()).isEqualTo(19);
		assertThat(this.bus.meters.find("nal.events.handler.failures").counter().count()).isEqualTo(3);
	}

	@Test
	void handlesAnEventOnceWhenABatchHoldsItTwiceOrItWasHandledBefore() {
		List<UserRegistered> events = relayed(10);
		// The relay sent the batch again (it died before its delete committed).
		for (MapRecord<String, String, String> entry : read(100)) {
			this.bus.redis.opsForStream().add(StreamRecords.string(entry.getValue()).withStreamKey(this.bus.stream()));
		}
		List<MapRecord<String, String, String>> entries = read(100);
		assertThat(entries).hasSize(10);
		List<MapRecord<String, String, String>> all = new ArrayList<>(pendingEntries());
		assertThat(all).hasSize(20);
		EventDispatcher dispatcher = dispatcher(recording());

		// Five originals first; then the other five with every copy: five copies of events
		// handled by the first batch and five of events in the same batch.
		dispatcher.dispatchAll(this.bus.stream(), all.subList(0, 5));
		dispatcher.dispatchAll(this.bus.stream(), all.subList(5, 20));

		assertThat(this.bus.effects()).isEqualTo(10);
		assertThat(this.bus.jdbc.sql("select user_id::text from " + this.bus.schema + ".effect")
			.query(String.class)
			.list()).containsExactlyInAnyOrderElementsOf(events.stream().map((e) -> e.userId().toString()).toList());
		assertThat(this.bus.processed()).isEqualTo(10);
		assertThat(this.bus.pending()).isZero();
		assertThat(this.bus.meters.find("nal.events.consumed").tag("outcome", "duplicate").counter().count())
			.isEqualTo(10);
	}

	@Test
	void handlesABatchOnceWhenTheProcessDiesBetweenItsCommitAndItsAcknowledgement() {
		relayed(20);
		List<MapRecord<String, String, String>> batch = read(100);
		// The process dies after the commit: no XACK goes out.
		dispatcher((stream, id) -> {
		}).dispatchAll(this.bus.stream(), batch);
		assertThat(this.bus.effects()).isEqualTo(20);
		assertThat(this.bus.pending()).isEqualTo(20);

		this.bus.consumer(CONSUMER, 5).start();

		await().atMost(Duration.ofSeconds(30)).until(() -> this.bus.pending() == 0);
		assertThat(this.bus.effects()).isEqualTo(20);
		assertThat(this.bus.distinctEffects()).isEqualTo(20);
		assertThat(this.bus.meters.find("nal.events.consumed").tag("outcome", "duplicate").counter().count())
			.isEqualTo(20);
	}

	private List<UserRegistered> relayed(int count) {
		List<UserRegistered> events = this.bus.publishCommitted(this.bus.publisher(() -> {
		}), count, count);
		assertThat(this.bus.relay().relayOnce()).isEqualTo(count);
		return events;
	}

	private EventDispatcher dispatcher(Acknowledger acknowledger) {
		return this.bus.dispatcher(CONSUMER, acknowledger);
	}

	/** Acknowledges, and records each acknowledgement's entries. */
	private Acknowledger recording() {
		Acknowledger xack = Acknowledger.xack(this.bus.redis, BusFixture.GROUP);
		return new Acknowledger() {

			@Override
			public void acknowledge(String stream, RecordId id) {
				EventBatchIntegrationTests.this.acknowledgements.add(List.of(id));
				xack.acknowledge(stream, id);
			}

			@Override
			public void acknowledge(String stream, List<RecordId> ids) {
				EventBatchIntegrationTests.this.acknowledgements.add(List.copyOf(ids));
				xack.acknowledge(stream, ids);
			}

		};
	}

	/** New entries for this consumer, as the reader's {@code XREADGROUP} gets them. */
	private List<MapRecord<String, String, String>> read(int count) {
		if (!this.bus.redis.hasKey(this.bus.stream())
				|| this.bus.redis.opsForStream().groups(this.bus.stream()).isEmpty()) {
			this.bus.redis.opsForStream().createGroup(this.bus.stream(), ReadOffset.from("0"), BusFixture.GROUP);
		}
		List<MapRecord<String, Object, Object>> read = this.bus.redis.opsForStream()
			.read(Consumer.from(BusFixture.GROUP, CONSUMER), StreamReadOptions.empty().count(count),
					StreamOffset.create(this.bus.stream(), ReadOffset.lastConsumed()));
		return (read != null) ? read.stream().map(this::strings).toList() : List.of();
	}

	/** Every entry delivered to this consumer and not acknowledged, in stream order. */
	private List<MapRecord<String, String, String>> pendingEntries() {
		List<MapRecord<String, Object, Object>> read = this.bus.redis.opsForStream()
			.read(Consumer.from(BusFixture.GROUP, CONSUMER), StreamReadOptions.empty().count(1000),
					StreamOffset.create(this.bus.stream(), ReadOffset.from("0")));
		return (read != null) ? read.stream().map(this::strings).toList() : List.of();
	}

	private List<RecordId> pendingIds() {
		return this.bus.redis.opsForStream()
			.pending(this.bus.stream(), BusFixture.GROUP, Range.unbounded(), 1000)
			.stream()
			.map(PendingMessage::getId)
			.toList();
	}

	private MapRecord<String, String, String> strings(MapRecord<String, Object, Object> record) {
		Map<String, String> fields = new LinkedHashMap<>();
		record.getValue().forEach((key, value) -> fields.put(String.valueOf(key), String.valueOf(value)));
		return StreamRecords.newRecord().in(this.bus.stream()).withId(record.getId()).ofMap(fields);
	}

}
