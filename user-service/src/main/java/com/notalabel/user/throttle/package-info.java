/**
 * Throttling of guessable operations (sign-in, registration, mails), kept in PostgreSQL
 * so that it holds without Redis.
 */
@NullMarked
package com.notalabel.user.throttle;

import org.jspecify.annotations.NullMarked;
