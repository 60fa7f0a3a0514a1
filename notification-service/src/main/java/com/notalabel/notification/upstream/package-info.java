/**
 * Events of payment-service and analytics-service that are not in shared-types on this
 * branch yet, read by their wire names with records shaped like theirs (branches payments
 * and analytics). Once those merge, these records give way to the shared ones.
 */
@NullMarked
package com.notalabel.notification.upstream;

import org.jspecify.annotations.NullMarked;
