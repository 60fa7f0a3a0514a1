/**
 * Typed ids: one record per aggregate, so that a track id cannot be passed where a user
 * id is expected. On the wire every id is a bare UUID string.
 */
@NullMarked
package com.notalabel.types.id;

import org.jspecify.annotations.NullMarked;
