/**
 * Industry identifiers of recordings and releases, validated when they are read so that a
 * release never reaches a distributor with a malformed code.
 */
@NullMarked
package com.notalabel.types.catalog;

import org.jspecify.annotations.NullMarked;
