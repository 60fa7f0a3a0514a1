/**
 * The defaults every service starts from.
 */
@NullMarked
package com.notalabel.shared.defaults;

import org.jspecify.annotations.NullMarked;
