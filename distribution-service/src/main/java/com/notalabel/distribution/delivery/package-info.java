/**
 * Deliveries: one message per store, sent over SFTP in DDEX's batch choreography, retried
 * with backoff behind a circuit breaker per store, and moved on by the store's
 * acknowledgements.
 */
@NullMarked
package com.notalabel.distribution.delivery;

import org.jspecify.annotations.NullMarked;
