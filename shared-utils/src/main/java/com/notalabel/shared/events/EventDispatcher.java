package com.notalabel.shared.events;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventDecodingException;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.event.UnknownEventTypeException;

/**
 * Hands stream entries to their handlers, exactly once in effect: the handlers run in a
 * transaction that first records the event id in {@code processed_event}, so a
 * redelivered entry finds its id there and is skipped; the entry is acknowledged only
 * after that transaction committed. A handler's failure leaves the entry pending for a
 * retry and is remembered as the reason, should the entry end up dead-lettered.
 * <p>
 * The entries of one read share a transaction and an acknowledgement
 * ({@link #dispatchAll}), so that a busy consumer pays one commit and one {@code XACK}
 * per read rather than per event (ADR 50); a retried entry is handled alone
 * ({@link #dispatch}).
 */
class EventDispatcher {

	private static final Logger log = LoggerFactory.getLogger(EventDispatcher.class);

	/** Entries acknowledged by other instances never clear their record here. */
	private static final int MAX_REMEMBERED_FAILURES = 10_000;

	private final String group;

	private final EventSubscriptions subscriptions;

	private final EventCodec codec;

	private final EventStore store;

	private final TransactionTemplate transactions;

	private final DeadLetters deadLetters;

	private final Acknowledger acknowledger;

	private final MeterRegistry meters;

	private final Map<String, String> lastFailure = new ConcurrentHashMap<>();

	EventDispatcher(String group, EventSubscriptions subscriptions, EventCodec codec, EventStore store,
			TransactionTemplate transactions, DeadLetters deadLetters, Acknowledger acknowledger,
			MeterRegistry meters) {
		this.group = group;
		this.subscriptions = subscriptions;
		this.codec = codec;
		this.store = store;
		this.transactions = transactions;
		this.deadLetters = deadLetters;
		this.acknowledger = acknowledger;
		this.meters = meters;
	}

	/**
	 * Handles an entry and acknowledges it unless its handler failed.
	 * @param stream the stream
	 * @param id the entry
	 * @param fields its fields
	 * @return what happened
	 */
	Outcome dispatch(String stream, RecordId id, Map<String, String> fields) {
		Outcome outcome = process(stream, id, fields);
		settle(stream, id, outcome);
		return outcome;
	}

	/**
	 * Gives up on an entry that failed on each of its deliveries.
	 * @param stream the stream
	 * @param id the entry
	 * @param fields its fields
	 * @param deliveries how often it was delivered
	 */
	void giveUp(String stream, RecordId id, Map<String, String> fields, long deliveries) {
		String reason = this.lastFailure.getOrDefault(id.getValue(),
				"Handler failed on each of " + deliveries + " deliveries");
		this.deadLetters.add(stream, id, fields, deliveries, reason);
		settle(stream, id, Outcome.DEAD_LETTERED);
	}

	private void settle(String stream, RecordId id, Outcome outcome) {
		if (outcome.acknowledges()) {
			this.acknowledger.acknowledge(stream, id);
			this.lastFailure.remove(id.getValue());
		}
	}

	private Outcome process(String stream, RecordId id, Map<String, String> fields) {
		Decoded decoded = decode(stream, id, fields);
		return (decoded.settled() != null) ? decoded.settled() : handleAlone(stream, decoded);
	}

	/**
	 * Handles the entries of one read together: one transaction records them all in
	 * {@code processed_event} with one statement and runs their handlers, and one
	 * acknowledgement follows its commit. What holds for one entry holds for each of a
	 * batch: a redelivered one is skipped, none is acknowledged before its effects
	 * committed, and one whose handler fails stays pending, its handler tried once for
	 * this delivery, while the others are handled.
	 * @param stream the stream they came from
	 * @param entries the entries, in the stream's order
	 */
	void dispatchAll(String stream, List<MapRecord<String, String, String>> entries) {
		List<RecordId> done = new ArrayList<>(entries.size());
		List<Decoded> handleable = new ArrayList<>(entries.size());
		for (MapRecord<String, String, String> entry : entries) {
			Decoded decoded = decode(stream, entry.getId(), entry.getValue());
			if (decoded.settled() != null) {
				done.add(decoded.id());
			}
			else {
				handleable.add(decoded);
			}
		}
		handleTogether(stream, handleable, done);
		if (!done.isEmpty()) {
			this.acknowledger.acknowledge(stream, done);
			done.forEach((id) -> this.lastFailure.remove(id.getValue()));
		}
	}

	/**
	 * @param done where the entries to acknowledge go, once their transaction committed
	 */
	private void handleTogether(String stream, List<Decoded> batch, List<RecordId> done) {
		if (batch.isEmpty()) {
			return;
		}
		if (batch.size() == 1) {
			Decoded decoded = batch.getFirst();
			if (handleAlone(stream, decoded).acknowledges()) {
				done.add(decoded.id());
			}
			return;
		}
		long start = System.nanoTime();
		Outcome[] outcomes;
		try {
			outcomes = this.transactions.execute((status) -> runTogether(batch));
		}
		catch (FailedInBatch failure) {
			// Rolled back. The failing entry stays pending as if it had been handled alone; the
			// entries before it are handled again (their effects went with the rollback), and
			// those after it were never tried.
			Decoded failed = batch.get(failure.index);
			failed(stream, failed, failure.getCause());
			handleTogether(stream, batch.subList(0, failure.index), done);
			handleTogether(stream, batch.subList(failure.index + 1, batch.size()), done);
			return;
		}
		catch (RuntimeException ex) {
			// The commit failed, which no entry is to blame for: each alone, so that only the
			// entries that fail by themselves stay pending.
			log.warn("A batch of {} entries from {} did not commit; handling them one by one", batch.size(), stream,
					ex);
			for (Decoded decoded : batch) {
				if (handleAlone(stream, decoded).acknowledges()) {
					done.add(decoded.id());
				}
			}
			return;
		}
		long each = (System.nanoTime() - start) / batch.size();
		for (int i = 0; i < batch.size(); i++) {
			Decoded decoded = batch.get(i);
			EventEnvelope<DomainEvent> envelope = decoded.requiredEnvelope();
			count(envelope.type(), outcomes[i]);
			handlingTimer(envelope.type()).record(each, TimeUnit.NANOSECONDS);
			done.add(decoded.id());
		}
	}

	private Outcome[] runTogether(List<Decoded> batch) {
		Set<UUID> fresh = this.store.markProcessed(batch.stream().map(Decoded::requiredEnvelope).toList());
		Outcome[] outcomes = new Outcome[batch.size()];
		for (int i = 0; i < outcomes.length; i++) {
			Decoded decoded = batch.get(i);
			EventEnvelope<DomainEvent> envelope = decoded.requiredEnvelope();
			// Removed on first sight: the same event twice in one batch is handled once.
			if (!fresh.remove(envelope.id())) {
				outcomes[i] = Outcome.DUPLICATE;
				continue;
			}
			try {
				for (EnvelopeHandler<DomainEvent> handler : decoded.handlers()) {
					handler.on(envelope);
				}
			}
			catch (RuntimeException ex) {
				throw new FailedInBatch(i, ex);
			}
			outcomes[i] = Outcome.HANDLED;
		}
		return outcomes;
	}

	private Decoded decode(String stream, RecordId id, Map<String, String> fields) {
		String json = fields.get(OutboxRelay.FIELD_ENVELOPE);
		EventEnvelope<DomainEvent> envelope;
		try {
			if (json == null) {
				throw new EventDecodingException("Stream entry has no envelope field");
			}
			envelope = this.codec.decode(json);
		}
		catch (UnknownEventTypeException ex) {
			count(ex.type(), Outcome.IGNORED);
			return Decoded.settled(id, Outcome.IGNORED);
		}
		catch (EventDecodingException ex) {
			this.deadLetters.add(stream, id, fields, 1, "Undecodable: " + ex.getMessage());
			return Decoded.settled(id, Outcome.DEAD_LETTERED);
		}
		List<EnvelopeHandler<DomainEvent>> handlers = this.subscriptions.handlersFor(envelope);
		if (handlers.isEmpty()) {
			count(envelope.type(), Outcome.IGNORED);
			return Decoded.settled(id, Outcome.IGNORED);
		}
		return new Decoded(id, envelope, handlers, null);
	}

	private Outcome handleAlone(String stream, Decoded decoded) {
		EventEnvelope<DomainEvent> envelope = decoded.requiredEnvelope();
		Timer.Sample sample = Timer.start(this.meters);
		try {
			Boolean firstTime = this.transactions.execute((status) -> {
				if (!this.store.markProcessed(envelope)) {
					return false;
				}
				for (EnvelopeHandler<DomainEvent> handler : decoded.handlers()) {
					handler.on(envelope);
				}
				return true;
			});
			Outcome outcome = Boolean.TRUE.equals(firstTime) ? Outcome.HANDLED : Outcome.DUPLICATE;
			count(envelope.type(), outcome);
			return outcome;
		}
		catch (RuntimeException ex) {
			failed(stream, decoded, ex);
			return Outcome.FAILED;
		}
		finally {
			sample.stop(handlingTimer(envelope.type()));
		}
	}

	private void failed(String stream, Decoded decoded, Throwable ex) {
		EventEnvelope<DomainEvent> envelope = decoded.requiredEnvelope();
		remember(decoded.id(), ex);
		Counter.builder("nal.events.handler.failures")
			.tags("group", this.group, "type", envelope.type())
			.register(this.meters)
			.increment();
		log.warn("Handling {} {} from {} failed; it stays pending for a retry", envelope.type(), envelope.id(), stream,
				ex);
	}

	private Timer handlingTimer(String type) {
		return Timer.builder("nal.events.handling").tags("group", this.group, "type", type).register(this.meters);
	}

	/**
	 * Whether this instance saw the entry's handler fail, so that a retry is due after
	 * its backoff.
	 * @param id the entry
	 * @return whether its last handling here failed
	 */
	boolean failedHere(RecordId id) {
		return this.lastFailure.containsKey(id.getValue());
	}

	private void remember(RecordId id, Throwable ex) {
		if (this.lastFailure.size() > MAX_REMEMBERED_FAILURES) {
			this.lastFailure.clear();
		}
		this.lastFailure.put(id.getValue(), ex.getClass().getSimpleName() + ": " + ex.getMessage());
	}

	private void count(String type, Outcome outcome) {
		Counter.builder("nal.events.consumed")
			.tags("group", this.group, "type", type, "outcome", outcome.name().toLowerCase())
			.register(this.meters)
			.increment();
	}

	/**
	 * An entry read: its event and handlers, or what became of it already
	 * ({@code settled}: ignored, or dead-lettered as undecodable).
	 */
	private record Decoded(RecordId id, @Nullable EventEnvelope<DomainEvent> envelope,
			List<EnvelopeHandler<DomainEvent>> handlers, @Nullable Outcome settled) {

		static Decoded settled(RecordId id, Outcome outcome) {
			return new Decoded(id, null, List.of(), outcome);
		}

		EventEnvelope<DomainEvent> requiredEnvelope() {
			if (this.envelope == null) {
				throw new IllegalStateException("Entry " + this.id + " has no event to handle");
			}
			return this.envelope;
		}

	}

	/**
	 * A handler of the entry at {@code index} of a batch failed; thrown through the
	 * transaction to roll the batch back.
	 */
	private static final class FailedInBatch extends RuntimeException {

		private final int index;

		FailedInBatch(int index, RuntimeException cause) {
			super(cause);
			this.index = index;
		}

	}

	enum Outcome {

		HANDLED, DUPLICATE, IGNORED, DEAD_LETTERED, FAILED;

		boolean acknowledges() {
			return this != FAILED;
		}

	}

}
