/**
 * Whom to mail: the address and name of each person, copied from user-service's events.
 */
@NullMarked
package com.notalabel.notification.recipient;

import org.jspecify.annotations.NullMarked;
