/**
 * Opaque secrets (refresh, device, verification and reset tokens): random, handed out
 * once, stored only as hashes.
 */
@NullMarked
package com.notalabel.user.opaque;

import org.jspecify.annotations.NullMarked;
