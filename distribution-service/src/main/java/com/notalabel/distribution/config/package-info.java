/**
 * The service's wiring: storage, events, scheduling.
 */
@NullMarked
package com.notalabel.distribution.config;

import org.jspecify.annotations.NullMarked;
