/**
 * Real PostgreSQL and Redis for every service's tests: Testcontainers where Docker runs,
 * otherwise the servers on this machine, with a database and a key prefix that belong to
 * one test run only.
 */
@NullMarked
package com.notalabel.test.infra;

import org.jspecify.annotations.NullMarked;
