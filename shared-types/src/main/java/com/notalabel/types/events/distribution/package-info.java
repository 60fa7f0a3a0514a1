/**
 * Events that distribution-service publishes on {@code nal:events:distribution-service}.
 * Their subject is the release they are about.
 */
@NullMarked
package com.notalabel.types.events.distribution;

import org.jspecify.annotations.NullMarked;
