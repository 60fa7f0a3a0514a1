/**
 * user-service: accounts, sessions, refresh tokens and artist profiles.
 */
@NullMarked
package com.notalabel.user;

import org.jspecify.annotations.NullMarked;
