package com.notalabel.platform;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One of the platform's processes.
 *
 * @param name its name, also its Maven module (the web app's directory for {@code web})
 * @param port its HTTP port (ARCHITECTURE.md §2)
 * @param schema the PostgreSQL schema it owns, if any
 * @param cpuBound whether it runs code whose speed a person notices, so that it needs
 * C2's peak (ServiceLauncher's JVM options): user-service hashes passwords, music-service
 * analyses audio; a service that gains such code says so here
 */
record ServiceSpec(String name, int port, @Nullable String schema, boolean cpuBound) {

	static final List<ServiceSpec> ALL = List.of(new ServiceSpec("user-service", 3002, "users", true),
			new ServiceSpec("music-service", 3003, "music", true), new ServiceSpec("ai-service", 3004, "ai", false),
			new ServiceSpec("analytics-service", 3005, "analytics", false),
			new ServiceSpec("distribution-service", 3006, "distribution", false),
			new ServiceSpec("notification-service", 3007, "notification", false),
			new ServiceSpec("payment-service", 3008, "payment", false), new ServiceSpec("gateway", 3001, null, false));

	String readinessUrl() {
		String path = switch (this.name) {
			// The gateway keeps its actuator on a management port and answers readiness itself.
			case "gateway" -> "/readyz";
			// The web app has no actuator: its server answering a page is its readiness.
			case "web" -> "/";
			default -> "/actuator/health/readiness";
		};
		return "http://127.0.0.1:" + this.port + path;
	}

}
