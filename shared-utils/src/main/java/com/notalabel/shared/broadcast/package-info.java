/**
 * Ephemeral fan-out over Redis pub/sub.
 */
@NullMarked
package com.notalabel.shared.broadcast;

import org.jspecify.annotations.NullMarked;
