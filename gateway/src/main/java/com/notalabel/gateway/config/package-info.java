/**
 * Cross-cutting wiring: Redis, counts of the log events written, and the switch that
 * leaves the edge filters out.
 */
@NullMarked
package com.notalabel.gateway.config;

import org.jspecify.annotations.NullMarked;
