/**
 * Erasure of an artist's catalogue when their account is deleted: every track, album, job
 * and stored object.
 */
@NullMarked
package com.notalabel.music.erasure;

import org.jspecify.annotations.NullMarked;
