/**
 * Proof that a person owns their e-mail address.
 */
@NullMarked
package com.notalabel.user.verification;

import org.jspecify.annotations.NullMarked;
