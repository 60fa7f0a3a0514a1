package com.notalabel.types.event;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.notalabel.types.events.KnownEvents;

/**
 * Maps wire names to event records. A consumer that meets a name it does not know skips
 * the event, which is what lets producers add event types without a coordinated release.
 */
public final class EventCatalog {

	private static final EventCatalog STANDARD = new EventCatalog(KnownEvents.ALL);

	private final Map<String, Class<? extends DomainEvent>> classesByName;

	public EventCatalog(Collection<Class<? extends DomainEvent>> eventClasses) {
		Map<String, Class<? extends DomainEvent>> byName = new LinkedHashMap<>();
		for (Class<? extends DomainEvent> eventClass : eventClasses) {
			EventType type = typeOf(eventClass);
			Class<? extends DomainEvent> previous = byName.putIfAbsent(type.name(), eventClass);
			if (previous != null && previous != eventClass) {
				throw new IllegalArgumentException("Event name " + type.name() + " is used by both "
						+ previous.getName() + " and " + eventClass.getName());
			}
		}
		this.classesByName = Map.copyOf(byName);
	}

	/**
	 * The catalogue of every event the platform defines.
	 * @return the standard catalogue
	 */
	public static EventCatalog standard() {
		return STANDARD;
	}

	public Optional<Class<? extends DomainEvent>> classFor(String name) {
		return Optional.ofNullable(this.classesByName.get(name));
	}

	public Set<String> names() {
		return this.classesByName.keySet();
	}

	/**
	 * Reads the {@link EventType} of an event class.
	 * @param eventClass the event record
	 * @return its annotation
	 * @throws IllegalArgumentException if the class is not annotated
	 */
	public static EventType typeOf(Class<?> eventClass) {
		EventType type = eventClass.getAnnotation(EventType.class);
		if (type == null) {
			throw new IllegalArgumentException(eventClass.getName() + " is not annotated with @EventType");
		}
		return type;
	}

}
