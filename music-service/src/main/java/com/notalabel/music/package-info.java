/**
 * music-service: tracks, albums, artwork and processing jobs.
 */
@NullMarked
package com.notalabel.music;

import org.jspecify.annotations.NullMarked;
