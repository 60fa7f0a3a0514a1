/**
 * Token buckets shared through Redis: enforced locally and synchronised in the background
 * for ordinary traffic and the play beacon, decided in Redis on every request for the
 * sign-in endpoints, and held locally while Redis is unreachable.
 */
@NullMarked
package com.notalabel.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
