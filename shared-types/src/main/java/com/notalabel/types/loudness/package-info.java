/**
 * How the streaming services normalise loudness, in one table that music-service's
 * analysis and ai-service's insights both read.
 */
@NullMarked
package com.notalabel.types.loudness;

import org.jspecify.annotations.NullMarked;
