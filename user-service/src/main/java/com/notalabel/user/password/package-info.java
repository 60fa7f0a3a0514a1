/**
 * Passwords: the policy, Argon2id hashing, change and reset.
 */
@NullMarked
package com.notalabel.user.password;

import org.jspecify.annotations.NullMarked;
