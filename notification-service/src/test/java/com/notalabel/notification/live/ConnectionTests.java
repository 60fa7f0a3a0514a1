package com.notalabel.notification.live;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.notification.inbox.NotificationResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class ConnectionTests {

	private static final UUID PERSON = UUID.randomUUID();

	@Test
	void aTabThatStoppedReadingHoldsUpNoOtherTab() throws Exception {
		RecordingEmitter stalled = new RecordingEmitter();
		RecordingEmitter reading = new RecordingEmitter();
		Connection stuck = new Connection(stalled, 0);
		Connection fine = new Connection(reading, 0);
		stuck.caughtUp(List.of(), 0, 1_000);
		fine.caughtUp(List.of(), 0, 1_000);
		stalled.stall();

		stuck.deliverLater(message(1));
		fine.deliverLater(message(1));
		stuck.heartbeatLater();
		fine.deliverLater(message(2));

		await().atMost(Duration.ofSeconds(5)).until(() -> reading.notificationIds().equals(List.of("1", "2")));
		assertThat(stalled.notificationIds()).isEmpty();

		stalled.resume();
		await().atMost(Duration.ofSeconds(5)).until(() -> stalled.notificationIds().equals(List.of("1")));
		await().atMost(Duration.ofSeconds(5)).until(() -> stalled.comments() == 1);
	}

	@Test
	void messagesAreWrittenInTheOrderTheyWereHandedOver() {
		RecordingEmitter emitter = new RecordingEmitter();
		Connection connection = new Connection(emitter, 0);
		connection.caughtUp(List.of(), 0, 1_000);
		List<String> expected = new CopyOnWriteArrayList<>();
		for (long seq = 1; seq <= 500; seq++) {
			connection.deliverLater(message(seq));
			expected.add(Long.toString(seq));
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> emitter.notificationIds().size() == 500);
		assertThat(emitter.notificationIds()).isEqualTo(expected);
	}

	@Test
	void aTabTooFarBehindIsClosedToResumeFromTheInbox() throws Exception {
		RecordingEmitter stalled = new RecordingEmitter();
		Connection connection = new Connection(stalled, 0);
		connection.caughtUp(List.of(), 0, 1_000);
		stalled.stall();
		// The first is being written (and stuck); the ones after it wait, one too many.
		connection.deliverLater(message(1));
		await().atMost(Duration.ofSeconds(5)).until(stalled::stuck);
		for (long seq = 2; seq <= Connection.MAX_PENDING + 1; seq++) {
			connection.deliverLater(message(seq));
		}
		assertThat(connection.closed()).isFalse();
		connection.deliverLater(message(Connection.MAX_PENDING + 2));
		assertThat(connection.closed()).isTrue();
		stalled.resume();
		assertThat(stalled.completed.await(5, TimeUnit.SECONDS)).isTrue();
		// What was still waiting is not written to a closed tab.
		assertThat(stalled.notificationIds().size()).isLessThanOrEqualTo(1);
	}

	private static LiveMessage message(long seq) {
		NotificationResponse notification = new NotificationResponse(UUID.randomUUID(),
				NotificationCategory.values()[0], "Track ready", "Your track is ready.", "/tracks/1",
				Instant.parse("2026-12-07T00:00:00Z"), false, null);
		return new LiveMessage(PERSON, seq, notification, seq);
	}

	/** An emitter with no response behind it, recording what would have been written. */
	static final class RecordingEmitter extends SseEmitter {

		private final List<String> written = new CopyOnWriteArrayList<>();

		private volatile CountDownLatch gate = new CountDownLatch(0);

		private volatile boolean stuck;

		final CountDownLatch completed = new CountDownLatch(1);

		void stall() {
			this.gate = new CountDownLatch(1);
		}

		void resume() {
			this.gate.countDown();
		}

		@Override
		public void send(SseEventBuilder builder) throws IOException {
			try {
				this.stuck = this.gate.getCount() > 0;
				this.gate.await();
				this.stuck = false;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException(ex);
			}
			StringBuilder text = new StringBuilder();
			builder.build().forEach((part) -> text.append(part.getData()));
			this.written.add(text.toString());
		}

		@Override
		public void complete() {
			this.completed.countDown();
		}

		boolean stuck() {
			return this.stuck;
		}

		List<String> notificationIds() {
			return this.written.stream()
				.filter((event) -> event.contains("event:notification"))
				.map((event) -> event.substring(event.indexOf("id:") + 3, event.indexOf('\n', event.indexOf("id:"))))
				.toList();
		}

		long comments() {
			return this.written.stream().filter((event) -> event.startsWith(":heartbeat")).count();
		}

	}

}
