/**
 * notification-service: notifications, preferences and delivery attempts.
 */
@NullMarked
package com.notalabel.notification;

import org.jspecify.annotations.NullMarked;
