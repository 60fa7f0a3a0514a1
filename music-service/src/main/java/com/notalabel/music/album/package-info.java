/**
 * Albums: singles, EPs and albums an artist releases, their running order, their
 * readiness for the stores and the state of their cover artwork.
 */
@NullMarked
package com.notalabel.music.album;

import org.jspecify.annotations.NullMarked;
