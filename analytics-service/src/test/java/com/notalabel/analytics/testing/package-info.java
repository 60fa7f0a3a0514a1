/**
 * What analytics-service's integration tests share: the context, the artist's HTTP
 * client, report files and events as the other services send them.
 */
@NullMarked
package com.notalabel.analytics.testing;

import org.jspecify.annotations.NullMarked;
