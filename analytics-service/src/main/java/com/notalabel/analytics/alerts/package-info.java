/**
 * Alerts about a track's numbers, each told once: milestones, spikes far above the
 * trailing baseline (robust statistics), and spikes with the shape of artificial
 * streaming.
 */
@NullMarked
package com.notalabel.analytics.alerts;

import org.jspecify.annotations.NullMarked;
