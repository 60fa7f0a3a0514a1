/**
 * The gateway's overhead against nginx and a direct call (bench/gateway/run.sh, with
 * wrk); the Java part mints the token the load carries.
 */
@NullMarked
package com.notalabel.bench.gateway;

import org.jspecify.annotations.NullMarked;
