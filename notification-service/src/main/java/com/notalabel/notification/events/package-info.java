/**
 * What a handler needs to know about the event it is handling beyond the event itself.
 */
@NullMarked
package com.notalabel.notification.events;

import org.jspecify.annotations.NullMarked;
