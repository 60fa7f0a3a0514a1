/**
 * Types every service shares: the event envelope and event records, typed ids and value
 * types.
 */
@NullMarked
package com.notalabel.types;

import org.jspecify.annotations.NullMarked;
