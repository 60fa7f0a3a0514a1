/**
 * The inbox: each person's notifications, the store of record behind the live stream,
 * read and marked read over HTTP.
 */
@NullMarked
package com.notalabel.notification.inbox;

import org.jspecify.annotations.NullMarked;
