package com.notalabel.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One of the platform's processes.
 *
 * @param name its name, also its Maven module
 * @param port its HTTP port (ARCHITECTURE.md §2)
 * @param schema the PostgreSQL schema it owns, if any
 */
record ServiceSpec(String name, int port, @Nullable String schema) {

	static final List<ServiceSpec> ALL = List.of(new ServiceSpec("user-service", 3002, "users"),
			new ServiceSpec("music-service", 3003, "music"), new ServiceSpec("ai-service", 3004, "ai"),
			new ServiceSpec("analytics-service", 3005, "analytics"),
			new ServiceSpec("distribution-service", 3006, "distribution"),
			new ServiceSpec("notification-service", 3007, "notification"),
			new ServiceSpec("payment-service", 3008, "payment"), new ServiceSpec("gateway", 3001, null));

	String readinessUrl() {
		// The gateway keeps its actuator on a management port and answers readiness itself.
		return "http://127.0.0.1:" + this.port
				+ ("gateway".equals(this.name) ? "/readyz" : "/actuator/health/readiness");
	}

}
