package com.notalabel.distribution.delivery;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.types.events.distribution.ReleaseStatusChanged.DeliveryStatus;

/**
 * One message to one store, as stored.
 *
 * @param id the delivery, also the message's {@code MessageId}
 * @param platform the store
 * @param sequence its place among the release's messages to the store, from 1
 * @param kind what the message does
 * @param status where it stands
 * @param batchId the batch it travels in, fixed at the first attempt, or {@code null}
 * @param snapshot the content the message is built from
 * @param attempts attempts so far
 * @param createdAt when it was queued; the message's creation time
 */
record Delivery(UUID id, String platform, int sequence, DeliveryKind kind, DeliveryStatus status,
		@Nullable String batchId, ReleaseSnapshot snapshot, int attempts, Instant createdAt) {

}
