/**
 * What the service's tests share.
 */
@NullMarked
package com.notalabel.distribution.testing;

import org.jspecify.annotations.NullMarked;
