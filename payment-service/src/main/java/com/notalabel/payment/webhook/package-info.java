/**
 * Stripe's webhook: signed events, each applied once by its id.
 */
@NullMarked
package com.notalabel.payment.webhook;

import org.jspecify.annotations.NullMarked;
