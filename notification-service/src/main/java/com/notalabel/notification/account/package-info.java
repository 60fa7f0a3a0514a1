/**
 * Account mails: the address-verification and password-reset links user-service asks for,
 * sent once per event and never with an expired link.
 */
@NullMarked
package com.notalabel.notification.account;

import org.jspecify.annotations.NullMarked;
