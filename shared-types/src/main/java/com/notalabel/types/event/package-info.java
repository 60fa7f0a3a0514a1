/**
 * The event envelope, its codec and the catalogue of event types.
 */
@NullMarked
package com.notalabel.types.event;

import org.jspecify.annotations.NullMarked;
