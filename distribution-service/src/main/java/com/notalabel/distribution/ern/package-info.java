/**
 * The ERN 4.3 {@code NewReleaseMessage} of a release for one store, built from its frozen
 * snapshot with the ddex module's JAXB classes and validated against DDEX's schema before
 * anything leaves.
 */
@NullMarked
package com.notalabel.distribution.ern;

import org.jspecify.annotations.NullMarked;
