package com.notalabel.types.event;

/**
 * Something that happened in one service and that other services may react to. Every
 * implementation is a record annotated with {@link EventType} and listed in
 * {@link EventCatalog#standard()}.
 */
public interface DomainEvent {

	/**
	 * The id of the aggregate the event is about (the envelope's {@code subject}).
	 * @return the aggregate id as it appears on the wire
	 */
	String subject();

}
