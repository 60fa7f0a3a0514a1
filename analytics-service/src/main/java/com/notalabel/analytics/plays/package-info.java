/**
 * Plays on the artist's public page: the beacon, recorded in group commits, folded into
 * the roll-ups every second, and pushed live to the artist's open pages over server-sent
 * events.
 */
@NullMarked
package com.notalabel.analytics.plays;

import org.jspecify.annotations.NullMarked;
