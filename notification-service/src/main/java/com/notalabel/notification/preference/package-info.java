/**
 * Preferences: per category, the channels a person gets notifications on, changed in the
 * web app or by a mail's one-click unsubscribe link.
 */
@NullMarked
package com.notalabel.notification.preference;

import org.jspecify.annotations.NullMarked;
