/**
 * The gateway: the single door of the platform.
 */
@NullMarked
package com.notalabel.gateway;

import org.jspecify.annotations.NullMarked;
