/**
 * A sample service that follows every house rule, for the architecture rules' own tests.
 */
@NullMarked
package com.notalabel.archsamples.good;

import org.jspecify.annotations.NullMarked;
