/**
 * A local S3 server (S3Proxy) for tests, the platform runner and the benchmarks.
 */
@NullMarked
package com.notalabel.test.s3;

import org.jspecify.annotations.NullMarked;
