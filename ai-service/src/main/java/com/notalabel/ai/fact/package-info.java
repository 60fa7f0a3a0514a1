/**
 * The artist's fact sheet, kept from other services' events only: each fact has a stable
 * id that answers cite.
 */
@NullMarked
package com.notalabel.ai.fact;

import org.jspecify.annotations.NullMarked;
