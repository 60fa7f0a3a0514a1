/**
 * Events that payment-service publishes on {@code nal:events:payment-service}:
 * invitations to a share of a track's royalties (for notification-service) and the
 * payouts of a payee's balance (for notification-service and ai-service). Their subject
 * is the invitation or the payout they are about.
 */
@NullMarked
package com.notalabel.types.events.payment;

import org.jspecify.annotations.NullMarked;
