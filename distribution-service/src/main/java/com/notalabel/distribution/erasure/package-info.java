/**
 * Erasure of a deleted account's data: its copy of the catalogue, its releases and their
 * deliveries.
 */
@NullMarked
package com.notalabel.distribution.erasure;

import org.jspecify.annotations.NullMarked;
