/**
 * A sample service that breaks each house rule once, for the architecture rules' own
 * tests.
 */
@NullMarked
package com.notalabel.archsamples.bad;

import org.jspecify.annotations.NullMarked;
