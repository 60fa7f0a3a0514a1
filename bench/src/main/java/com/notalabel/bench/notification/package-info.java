/**
 * The live-stream benchmark (issue 19): 10,000 server-sent event connections held by one
 * notification-service instance while notifications are published, against a bare Spring
 * MVC {@code SseEmitter} endpoint holding the same connections.
 */
@NullMarked
package com.notalabel.bench.notification;

import org.jspecify.annotations.NullMarked;
