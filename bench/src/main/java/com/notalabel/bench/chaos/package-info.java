/**
 * The chaos-and-fuzz suite (issue 13, bench/chaos/run.sh): bad input to every route the
 * gateway's OpenAPI documents list, {@code kill -9} of every process the supervisor runs
 * under write traffic, and crowds, against the running platform.
 */
@NullMarked
package com.notalabel.bench.chaos;

import org.jspecify.annotations.NullMarked;
