/**
 * What the service's integration tests share: the S3 server, the key set that signs their
 * access tokens, and the one Spring context.
 */
@NullMarked
package com.notalabel.music.testing;

import org.jspecify.annotations.NullMarked;
