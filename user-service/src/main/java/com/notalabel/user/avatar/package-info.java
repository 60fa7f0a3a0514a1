/**
 * Profile pictures: uploaded, checked and re-encoded to two square JPEG sizes without
 * metadata, kept in S3 and served publicly with caching headers (ADR 46).
 */
@NullMarked
package com.notalabel.user.avatar;

import org.jspecify.annotations.NullMarked;
