/**
 * The stores this installation delivers to, as configuration: who they are, how to reach
 * them and what they accept.
 */
@NullMarked
package com.notalabel.distribution.platform;

import org.jspecify.annotations.NullMarked;
