/**
 * What the service's integration tests share: the one Spring context, its key set, its
 * Stripe (WireMock) and the streams of the services it listens to.
 */
@NullMarked
package com.notalabel.payment.testing;

import org.jspecify.annotations.NullMarked;
