/**
 * Access-token verification and the current user, for every service.
 */
@NullMarked
package com.notalabel.shared.security;

import org.jspecify.annotations.NullMarked;
