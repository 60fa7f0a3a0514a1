/**
 * Test support: real HTTP with cookies, people who register and sign in, published
 * events.
 */
@NullMarked
package com.notalabel.user.testing;

import org.jspecify.annotations.NullMarked;
