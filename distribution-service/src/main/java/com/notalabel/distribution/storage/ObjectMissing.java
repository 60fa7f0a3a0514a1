package com.notalabel.distribution.storage;

/**
 * An object the catalogue named is not in the bucket (any more): the artist deleted the
 * track or replaced the cover after submitting.
 */
public final class ObjectMissing extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String key;

	public ObjectMissing(String key) {
		super("No object " + key + " in the bucket", null, false, false);
		this.key = key;
	}

	public String key() {
		return this.key;
	}

}
