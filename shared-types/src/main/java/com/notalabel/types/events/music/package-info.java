/**
 * Events that music-service publishes on {@code nal:events:music-service}. Their subject
 * is the track or album they are about.
 */
@NullMarked
package com.notalabel.types.events.music;

import org.jspecify.annotations.NullMarked;
