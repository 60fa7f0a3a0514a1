/**
 * analytics-service's benchmark: report import against a bare COPY, reads over two years
 * of roll-ups, plays through the gateway.
 */
@NullMarked
package com.notalabel.bench.analytics;

import org.jspecify.annotations.NullMarked;
