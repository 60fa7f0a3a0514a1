/**
 * Signing in: credentials, known devices and throttling.
 */
@NullMarked
package com.notalabel.user.login;

import org.jspecify.annotations.NullMarked;
