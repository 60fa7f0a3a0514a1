/**
 * What every route gets between the edge and the service, and what it costs per request
 * (ADR 28): a circuit breaker and a latency timer per route, with no per-request
 * observation machinery.
 */
@NullMarked
package com.notalabel.gateway.routing;

import org.jspecify.annotations.NullMarked;
