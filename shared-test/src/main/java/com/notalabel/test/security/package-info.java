/**
 * Access tokens as user-service signs them, and the key set that verifies them.
 */
@NullMarked
package com.notalabel.test.security;

import org.jspecify.annotations.NullMarked;
