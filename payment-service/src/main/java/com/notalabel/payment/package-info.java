/**
 * payment-service: earnings, royalty splits, connected accounts and payouts.
 */
@NullMarked
package com.notalabel.payment;

import org.jspecify.annotations.NullMarked;
