/**
 * Cross-cutting wiring: Redis, circuit breakers, and the switch that leaves the edge
 * filters out.
 */
@NullMarked
package com.notalabel.gateway.config;

import org.jspecify.annotations.NullMarked;
