/**
 * Cross-cutting wiring: clock, scheduling, method security, token verification.
 */
@NullMarked
package com.notalabel.user.config;

import org.jspecify.annotations.NullMarked;
