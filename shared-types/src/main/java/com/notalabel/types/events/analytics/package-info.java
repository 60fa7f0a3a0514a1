/**
 * Events that analytics-service publishes on {@code nal:events:analytics-service}:
 * earnings found in store reports (for payment-service), changed daily numbers (for
 * ai-service) and alerts about a track's numbers (for notification-service and
 * ai-service).
 */
@NullMarked
package com.notalabel.types.events.analytics;

import org.jspecify.annotations.NullMarked;
