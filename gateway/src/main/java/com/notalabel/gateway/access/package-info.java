/**
 * Who may pass: access-token verification against user-service's keys, the cache of
 * verified tokens, public paths, the CSRF origin check, and the filter that puts them
 * together with revocations and rate limits.
 */
@NullMarked
package com.notalabel.gateway.access;

import org.jspecify.annotations.NullMarked;
