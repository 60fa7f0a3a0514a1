/**
 * Cross-cutting wiring: clock, settings, and the events this service consumes.
 */
@NullMarked
package com.notalabel.notification.config;

import org.jspecify.annotations.NullMarked;
