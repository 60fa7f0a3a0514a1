/**
 * What the service's integration tests share: the one Spring context, pointed at the
 * shared-test S3 server and key set.
 */
@NullMarked
package com.notalabel.music.testing;

import org.jspecify.annotations.NullMarked;
