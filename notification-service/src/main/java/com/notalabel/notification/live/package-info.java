/**
 * The live stream: server-sent events of new notifications and unread counts to every
 * open browser tab, fanned out to every instance over Redis pub/sub, resumable from
 * PostgreSQL.
 */
@NullMarked
package com.notalabel.notification.live;

import org.jspecify.annotations.NullMarked;
