/**
 * Erasure: when an account is deleted, everything this service holds about the person
 * goes.
 */
@NullMarked
package com.notalabel.notification.erasure;

import org.jspecify.annotations.NullMarked;
