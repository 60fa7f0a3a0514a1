package com.notalabel.distribution.delivery;

/**
 * What a message does. ERN 4 has no update or takedown message: each is a whole
 * {@code NewReleaseMessage} that replaces the earlier one, a takedown one whose deals
 * have ended.
 */
public enum DeliveryKind {

	/** The release's first delivery. */
	NEW,

	/** Changed metadata, replacing what the store has. */
	UPDATE,

	/** The release withdrawn: its deals end today. */
	TAKEDOWN

}
