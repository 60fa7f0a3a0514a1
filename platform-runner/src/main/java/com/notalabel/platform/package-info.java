/**
 * The {@code ./platform} runner: a supervisor process that brings up the platform's
 * infrastructure (the machine's PostgreSQL and Redis, or embedded ones; S3Proxy; a mail
 * catcher) and every service as its own process, and the commands that talk to it.
 */
@NullMarked
package com.notalabel.platform;

import org.jspecify.annotations.NullMarked;
