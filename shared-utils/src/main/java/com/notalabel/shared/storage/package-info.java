/**
 * The S3 client every service that stores objects shares: one set of settings
 * ({@code nal.storage.*}, environment variables {@code S3_*}), path-style addressing,
 * timeouts per request and the SDK's standard retries. Active only where the service
 * declares {@code software.amazon.awssdk:s3} itself.
 */
@NullMarked
package com.notalabel.shared.storage;

import org.jspecify.annotations.NullMarked;
