/**
 * What user-service tells the gateways about sessions.
 */
@NullMarked
package com.notalabel.types.session;

import org.jspecify.annotations.NullMarked;
