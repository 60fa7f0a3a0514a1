/**
 * Revoked sessions, held in memory: loaded from Redis at start-up and after every
 * reconnection, and followed on the pub/sub channel user-service publishes to.
 */
@NullMarked
package com.notalabel.gateway.revocation;

import org.jspecify.annotations.NullMarked;
