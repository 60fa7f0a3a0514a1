/**
 * Web Push: the browsers that opted in, the VAPID key pair every instance signs with, and
 * messages encrypted for each browser (RFC 8030, 8291, 8292).
 */
@NullMarked
package com.notalabel.notification.push;

import org.jspecify.annotations.NullMarked;
