/**
 * Accounts and artist profiles: registration, the profile, the public artist page, data
 * export and erasure.
 */
@NullMarked
package com.notalabel.user.account;

import org.jspecify.annotations.NullMarked;
