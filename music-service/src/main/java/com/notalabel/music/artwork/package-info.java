/**
 * Cover artwork: reading untrusted images safely, removing their metadata, rendering the
 * sizes stores and players need, and serving them from the bucket.
 */
@NullMarked
package com.notalabel.music.artwork;

import org.jspecify.annotations.NullMarked;
