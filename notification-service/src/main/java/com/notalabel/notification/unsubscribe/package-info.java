/**
 * One-click unsubscribe (RFC 8058): the tokens of the links in notification mails, and
 * the public endpoints that tell what a link turns off and turn it off.
 */
@NullMarked
package com.notalabel.notification.unsubscribe;

import org.jspecify.annotations.NullMarked;
