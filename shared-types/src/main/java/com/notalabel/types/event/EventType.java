package com.notalabel.types.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names an event on the wire. The name is {@code <service>.<PastTenseName>}; the producer
 * is the only service allowed to publish it, and its stream is
 * {@code nal:events:<producer>}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface EventType {

	/**
	 * The wire name, e.g. {@code music.TrackProcessed}.
	 * @return the name
	 */
	String name();

	/**
	 * The publishing service, e.g. {@code music-service}.
	 * @return the producer
	 */
	String producer();

	/**
	 * The schema version. Fields are only ever added, so this changes only on a breaking
	 * change, which needs a new event name instead.
	 * @return the version
	 */
	int version() default 1;

}
