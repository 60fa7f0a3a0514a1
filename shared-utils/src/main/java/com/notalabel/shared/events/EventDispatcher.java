package com.notalabel.shared.events;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.data.redis.connection.stream.RecordId;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventDecodingException;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.event.UnknownEventTypeException;

/**
 * Hands one stream entry to its handlers, exactly once in effect: the handlers run in a
 * transaction that first records the event id in {@code processed_event}, so a
 * redelivered entry finds its id there and is skipped; the entry is acknowledged only
 * after that transaction committed. A handler's failure leaves the entry pending for a
 * retry and is remembered as the reason, should the entry end up dead-lettered.
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
			return Outcome.IGNORED;
		}
		catch (EventDecodingException ex) {
			this.deadLetters.add(stream, id, fields, 1, "Undecodable: " + ex.getMessage());
			return Outcome.DEAD_LETTERED;
		}
		List<EnvelopeHandler<DomainEvent>> handlers = this.subscriptions.handlersFor(envelope);
		if (handlers.isEmpty()) {
			count(envelope.type(), Outcome.IGNORED);
			return Outcome.IGNORED;
		}
		Timer.Sample sample = Timer.start(this.meters);
		try {
			Boolean firstTime = this.transactions.execute((status) -> {
				if (!this.store.markProcessed(envelope)) {
					return false;
				}
				for (EnvelopeHandler<DomainEvent> handler : handlers) {
					handler.on(envelope);
				}
				return true;
			});
			Outcome outcome = Boolean.TRUE.equals(firstTime) ? Outcome.HANDLED : Outcome.DUPLICATE;
			count(envelope.type(), outcome);
			return outcome;
		}
		catch (RuntimeException ex) {
			remember(id, ex);
			Counter.builder("nal.events.handler.failures")
				.tags("group", this.group, "type", envelope.type())
				.register(this.meters)
				.increment();
			log.warn("Handling {} {} from {} failed; it stays pending for a retry", envelope.type(), envelope.id(),
					stream, ex);
			return Outcome.FAILED;
		}
		finally {
			sample.stop(Timer.builder("nal.events.handling")
				.tags("group", this.group, "type", envelope.type())
				.register(this.meters));
		}
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

	private void remember(RecordId id, RuntimeException ex) {
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

	enum Outcome {

		HANDLED, DUPLICATE, IGNORED, DEAD_LETTERED, FAILED;

		boolean acknowledges() {
			return this != FAILED;
		}

	}

}
