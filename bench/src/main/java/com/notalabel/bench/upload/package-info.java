/**
 * Upload throughput and heap of music-service against a direct S3 PUT
 * (bench/upload/run.sh).
 */
@NullMarked
package com.notalabel.bench.upload;

import org.jspecify.annotations.NullMarked;
