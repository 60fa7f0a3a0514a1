/**
 * Track uploads: the multipart request parsed as a stream, its file part sniffed and
 * tag-read from its first bytes, and streamed to S3 in bounded part buffers while its
 * SHA-256 is computed, within the size limit and the artist's storage quota. Nothing of a
 * refused upload is kept.
 */
@NullMarked
package com.notalabel.music.upload;

import org.jspecify.annotations.NullMarked;
