/**
 * Access tokens: the signing keys, their rotation, the JWKS and the tokens themselves.
 */
@NullMarked
package com.notalabel.user.token;

import org.jspecify.annotations.NullMarked;
