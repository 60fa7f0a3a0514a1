/**
 * Processing jobs: the queue in PostgreSQL that uploads feed and workers drain, running
 * the audio engine on each stored original.
 */
@NullMarked
package com.notalabel.music.processing;

import org.jspecify.annotations.NullMarked;
