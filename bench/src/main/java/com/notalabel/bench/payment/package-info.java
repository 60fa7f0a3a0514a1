/**
 * payment-service posting a store report's earnings against a bare batch INSERT of the
 * same rows.
 */
@NullMarked
package com.notalabel.bench.payment;

import org.jspecify.annotations.NullMarked;
