package com.notalabel.types.event;

/**
 * An envelope whose type this build does not know: a newer producer's event. Consumers
 * skip it.
 */
public class UnknownEventTypeException extends EventDecodingException {

	private final String type;

	public UnknownEventTypeException(String type) {
		super("Unknown event type " + type);
		this.type = type;
	}

	public String type() {
		return this.type;
	}

}
