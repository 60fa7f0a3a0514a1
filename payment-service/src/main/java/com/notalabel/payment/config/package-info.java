/**
 * The service's wiring: the events it consumes, its settings, Stripe's client.
 */
@NullMarked
package com.notalabel.payment.config;

import org.jspecify.annotations.NullMarked;
