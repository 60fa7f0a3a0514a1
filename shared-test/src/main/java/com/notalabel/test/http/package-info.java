/**
 * Real HTTP against a service under test, and what to assert about its answers.
 */
@NullMarked
package com.notalabel.test.http;

import org.jspecify.annotations.NullMarked;
