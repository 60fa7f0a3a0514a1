package com.notalabel.gateway.health;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The platform at a glance.
 *
 * @param status {@code UP} when the gateway, Redis and every service are up,
 * {@code DEGRADED} when the gateway serves but something behind it is down, {@code DOWN}
 * when the gateway itself is not ready
 * @param gateway the gateway's own readiness
 * @param redis whether Redis answers (the gateway keeps serving without it)
 * @param services each service's readiness, by route id
 */
record HealthReport(String status, String gateway, String redis, Map<String, String> services) {

	static final String UP = "UP";

	static final String DOWN = "DOWN";

	static final String DEGRADED = "DEGRADED";

	static HealthReport of(boolean gatewayReady, boolean redisUp, Map<String, String> services) {
		String status;
		if (!gatewayReady) {
			status = DOWN;
		}
		else if (redisUp && services.values().stream().allMatch(UP::equals)) {
			status = UP;
		}
		else {
			status = DEGRADED;
		}
		return new HealthReport(status, gatewayReady ? UP : DOWN, redisUp ? UP : DOWN,
				Collections.unmodifiableMap(new LinkedHashMap<>(services)));
	}

}
