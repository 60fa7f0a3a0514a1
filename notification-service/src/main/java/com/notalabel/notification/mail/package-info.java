/**
 * Outgoing mail over SMTP: the sender address, links into the web app, and a message with
 * a plain-text body and its HTML alternative.
 */
@NullMarked
package com.notalabel.notification.mail;

import org.jspecify.annotations.NullMarked;
