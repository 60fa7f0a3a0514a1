package com.notalabel.shared.events;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventEnvelope;

/**
 * Everything a service consumes, declared in one place:
 *
 * <pre class="code">
 * &#64;Bean
 * EventSubscriptions eventSubscriptions(CatalogueErasure erasure) {
 *     return EventSubscriptions.builder().on(UserDeleted.class, erasure::on).build();
 * }
 * </pre>
 *
 * The consumer joins the stream of every producer named here, in a consumer group named
 * after the service.
 */
public final class EventSubscriptions {

	private final Map<Class<? extends DomainEvent>, List<EnvelopeHandler<DomainEvent>>> handlers;

	private EventSubscriptions(Map<Class<? extends DomainEvent>, List<EnvelopeHandler<DomainEvent>>> handlers) {
		this.handlers = handlers;
	}

	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The services whose streams this service reads.
	 * @return producer names
	 */
	public Set<String> producers() {
		Set<String> producers = new LinkedHashSet<>();
		this.handlers.keySet().forEach((type) -> producers.add(EventCatalog.typeOf(type).producer()));
		return producers;
	}

	public Set<Class<? extends DomainEvent>> eventTypes() {
		return this.handlers.keySet();
	}

	List<EnvelopeHandler<DomainEvent>> handlersFor(EventEnvelope<? extends DomainEvent> envelope) {
		return this.handlers.getOrDefault(envelope.payload().getClass(), List.of());
	}

	public static final class Builder {

		private final Map<Class<? extends DomainEvent>, List<EnvelopeHandler<DomainEvent>>> handlers = new LinkedHashMap<>();

		private Builder() {
		}

		/**
		 * Adds a handler. Several handlers of one type run in the order added, in one
		 * transaction.
		 * @param type the event type, which must be in the event catalogue
		 * @param handler typically a method reference {@code service::on}
		 * @param <E> the event type
		 * @return this builder
		 */
		@SuppressWarnings("unchecked")
		public <E extends DomainEvent> Builder on(Class<E> type, EventHandler<? super E> handler) {
			EventHandler<DomainEvent> payloadHandler = (EventHandler<DomainEvent>) handler;
			return add(type, (envelope) -> payloadHandler.on(envelope.payload()));
		}

		/**
		 * Adds a handler that receives the whole envelope. Handlers of one type, of
		 * either kind, run in the order added, in one transaction.
		 * @param type the event type, which must be in the event catalogue
		 * @param handler typically a method reference {@code service::on}
		 * @param <E> the event type
		 * @return this builder
		 */
		@SuppressWarnings("unchecked")
		public <E extends DomainEvent> Builder onEnvelope(Class<E> type, EnvelopeHandler<E> handler) {
			return add(type, (EnvelopeHandler<DomainEvent>) (EnvelopeHandler<?>) handler);
		}

		private Builder add(Class<? extends DomainEvent> type, EnvelopeHandler<DomainEvent> handler) {
			String name = EventCatalog.typeOf(type).name();
			if (EventCatalog.standard().classFor(name).isEmpty()) {
				throw new IllegalArgumentException(name + " is missing from KnownEvents, so it could never arrive");
			}
			this.handlers.computeIfAbsent(type, (key) -> new ArrayList<>()).add(handler);
			return this;
		}

		public EventSubscriptions build() {
			Map<Class<? extends DomainEvent>, List<EnvelopeHandler<DomainEvent>>> copy = new LinkedHashMap<>();
			this.handlers.forEach((type, list) -> copy.put(type, List.copyOf(list)));
			return new EventSubscriptions(Map.copyOf(copy));
		}

	}

}
