/**
 * Erasure of a deleted account's numbers.
 */
@NullMarked
package com.notalabel.analytics.erasure;

import org.jspecify.annotations.NullMarked;
