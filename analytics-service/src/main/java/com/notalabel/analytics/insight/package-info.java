/**
 * What the artist reads: overview, series, audience, revenue, alerts and reconciliation,
 * all served from the roll-ups.
 */
@NullMarked
package com.notalabel.analytics.insight;

import org.jspecify.annotations.NullMarked;
