/**
 * Test support: the SMTP server every test context sends to, received mails, and events
 * delivered the way user-service delivers them.
 */
@NullMarked
package com.notalabel.notification.testing;

import org.jspecify.annotations.NullMarked;
