/**
 * The durable event bus: a transactional outbox, a relay to Redis Streams, and idempotent
 * consumers with retries and a dead-letter stream.
 */
@NullMarked
package com.notalabel.shared.events;

import org.jspecify.annotations.NullMarked;
