/**
 * The service's clock.
 */
@NullMarked
package com.notalabel.shared.time;

import org.jspecify.annotations.NullMarked;
