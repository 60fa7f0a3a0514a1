package com.notalabel.types.event;

/**
 * A stream entry that cannot be turned into an event: not JSON, no envelope, or a payload
 * that does not fit its type. Retrying cannot help, so consumers dead-letter it at once.
 */
public class EventDecodingException extends RuntimeException {

	public EventDecodingException(String message, Throwable cause) {
		super(message, cause);
	}

	public EventDecodingException(String message) {
		super(message);
	}

}
