/**
 * The gateway's cost against a minimal Spring Cloud Gateway of the same versions
 * (bench/gateway/run.sh, with wrk; the peer is bench/gateway/minimal, a project of its
 * own so that nothing else reaches its class path); the Java part mints the token the
 * load carries.
 */
@NullMarked
package com.notalabel.bench.gateway;

import org.jspecify.annotations.NullMarked;
