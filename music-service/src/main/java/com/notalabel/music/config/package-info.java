/**
 * The service's wiring: storage clients, clock, event subscriptions.
 */
@NullMarked
package com.notalabel.music.config;

import org.jspecify.annotations.NullMarked;
