/**
 * What the benchmarks share that shared-test does not hold: their settings from the
 * environment, a scratch database, a service jar started as a child process, and the
 * figures read from {@code /proc}.
 */
@NullMarked
package com.notalabel.bench.support;

import org.jspecify.annotations.NullMarked;
