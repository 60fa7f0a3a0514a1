package com.notalabel.ai.thread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One message of a thread.
 *
 * @param id the message
 * @param role {@code user} or {@code assistant}
 * @param content the text
 * @param factIds the facts an answer cites
 * @param ungroundedRemoved whether sentences with numbers not in the facts were taken out
 * @param createdAt when it was written
 */
record MessageResponse(UUID id, String role, String content, List<String> factIds, boolean ungroundedRemoved,
		Instant createdAt) {

}
