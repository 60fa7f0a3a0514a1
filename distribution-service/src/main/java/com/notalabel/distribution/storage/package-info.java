/**
 * Reading the originals and covers that music-service stored in the bucket: streamed,
 * never whole in memory, never written.
 */
@NullMarked
package com.notalabel.distribution.storage;

import org.jspecify.annotations.NullMarked;
