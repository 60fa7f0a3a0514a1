/**
 * The house rules each service's architecture test applies to its own classes.
 */
@NullMarked
package com.notalabel.test.architecture;

import org.jspecify.annotations.NullMarked;
