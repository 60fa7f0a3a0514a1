/**
 * analytics-service's wiring: the events it consumes, its settings.
 */
@NullMarked
package com.notalabel.analytics.config;

import org.jspecify.annotations.NullMarked;
