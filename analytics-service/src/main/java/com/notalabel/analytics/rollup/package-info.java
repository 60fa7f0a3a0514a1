/**
 * The roll-ups every read is served from: per artist, by day and by month, overall and
 * per track, store, country and city; maintained in the transaction that adds the facts.
 */
@NullMarked
package com.notalabel.analytics.rollup;

import org.jspecify.annotations.NullMarked;
