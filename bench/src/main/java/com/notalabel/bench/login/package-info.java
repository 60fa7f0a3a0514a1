/**
 * Sign-ins of user-service under a crowd against the raw Argon2id verification
 * (bench/login/run.sh).
 */
@NullMarked
package com.notalabel.bench.login;

import org.jspecify.annotations.NullMarked;
