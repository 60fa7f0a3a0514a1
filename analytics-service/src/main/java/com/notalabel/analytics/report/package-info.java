/**
 * Store reports in: DDEX DSR flat files and distributor exports, read as a stream,
 * matched to the catalogue and copied into PostgreSQL with COPY, in one transaction with
 * their roll-ups.
 */
@NullMarked
package com.notalabel.analytics.report;

import org.jspecify.annotations.NullMarked;
