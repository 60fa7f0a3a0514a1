/**
 * The S3 bucket the catalogue keeps its audio and artwork in, and its key layout.
 */
@NullMarked
package com.notalabel.music.storage;

import org.jspecify.annotations.NullMarked;
