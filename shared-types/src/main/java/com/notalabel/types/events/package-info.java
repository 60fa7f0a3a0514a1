/**
 * The event records, one package per publishing service, and the list of all of them.
 */
@NullMarked
package com.notalabel.types.events;

import org.jspecify.annotations.NullMarked;
