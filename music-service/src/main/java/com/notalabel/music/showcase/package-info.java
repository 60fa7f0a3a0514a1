/**
 * The artist's showcase: the tracks they choose to show, and let anyone play, on their
 * public page.
 */
@NullMarked
package com.notalabel.music.showcase;

import org.jspecify.annotations.NullMarked;
