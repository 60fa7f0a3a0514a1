/**
 * distribution-service's own copy of the catalogue, kept from music-service's and
 * user-service's events: albums, tracks and artist names. Releases are made from it.
 */
@NullMarked
package com.notalabel.distribution.catalogue;

import org.jspecify.annotations.NullMarked;
