/**
 * Spring contexts on the test infrastructure, through the annotations.
 */
@NullMarked
package com.notalabel.test.infra.spring;

import org.jspecify.annotations.NullMarked;
