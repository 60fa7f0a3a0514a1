/**
 * Events that user-service publishes on {@code nal:events:user-service}. Their subject is
 * always the user id, so that one person's events share a subject.
 */
@NullMarked
package com.notalabel.types.events.user;

import org.jspecify.annotations.NullMarked;
