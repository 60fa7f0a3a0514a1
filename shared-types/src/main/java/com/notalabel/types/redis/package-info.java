/**
 * Names of Redis keys, streams and channels, shared by the servlet services and the
 * reactive gateway.
 */
@NullMarked
package com.notalabel.types.redis;

import org.jspecify.annotations.NullMarked;
