/**
 * analytics' copy of the catalogue (tracks and their ISRCs, albums and their UPCs,
 * release statuses), kept from music-service's and distribution-service's events, and the
 * matching of report lines against it.
 */
@NullMarked
package com.notalabel.analytics.catalogue;

import org.jspecify.annotations.NullMarked;
