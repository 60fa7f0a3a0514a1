/**
 * What a service's tests need to see of the event bus from the outside.
 */
@NullMarked
package com.notalabel.test.events;

import org.jspecify.annotations.NullMarked;
