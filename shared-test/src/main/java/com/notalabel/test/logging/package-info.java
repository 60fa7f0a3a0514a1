/**
 * How much the tests log: warnings and errors, unless a test raises a logger it looks at.
 */
@NullMarked
package com.notalabel.test.logging;

import org.jspecify.annotations.NullMarked;
