/**
 * Untrusted images decoded safely with the JDK's Image I/O: the format from the first
 * bytes, the size from the header before any pixel, and renditions re-encoded without
 * metadata. WebP is read when the service declares TwelveMonkeys' {@code imageio-webp}.
 */
@NullMarked
package com.notalabel.shared.image;

import org.jspecify.annotations.NullMarked;
