/**
 * Payouts through Stripe Connect: payees' connected accounts, payouts that reserve the
 * money before Stripe is asked and never pay twice (ADR 38).
 */
@NullMarked
package com.notalabel.payment.payout;

import org.jspecify.annotations.NullMarked;
