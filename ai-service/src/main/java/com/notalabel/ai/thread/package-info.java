/**
 * Conversations about the artist's own data, stored in the service's schema, answers
 * streamed as server-sent events.
 */
@NullMarked
package com.notalabel.ai.thread;

import org.jspecify.annotations.NullMarked;
