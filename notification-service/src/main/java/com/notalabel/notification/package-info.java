/**
 * notification-service: tells people what they need to hear about; today the account
 * mails (address verification, password reset).
 */
@NullMarked
package com.notalabel.notification;

import org.jspecify.annotations.NullMarked;
