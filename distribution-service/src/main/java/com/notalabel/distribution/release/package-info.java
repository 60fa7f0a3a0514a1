/**
 * Releases: what an artist asks to deliver, the readiness report per store, the frozen
 * snapshot a delivery is made from, and the REST API over them.
 */
@NullMarked
package com.notalabel.distribution.release;

import org.jspecify.annotations.NullMarked;
