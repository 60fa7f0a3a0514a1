/**
 * Redis key naming shared by every service.
 */
@NullMarked
package com.notalabel.shared.redis;

import org.jspecify.annotations.NullMarked;
