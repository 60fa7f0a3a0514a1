package com.notalabel.platform;

import java.nio.file.Path;

/**
 * Where the runner keeps its state, under {@code .platform/} in the repository: logs,
 * data of the embedded servers, extracted service jars and their AOT caches.
 *
 * @param root the repository
 */
record Layout(Path root) {

	Path home() {
		return this.root.resolve(".platform");
	}

	Path logs() {
		return home().resolve("logs");
	}

	Path log(String component) {
		return logs().resolve(component + ".log");
	}

	Path data(String component) {
		return home().resolve("data").resolve(component);
	}

	Path apps() {
		return home().resolve("apps");
	}

	Path aot() {
		return home().resolve("aot");
	}

	/**
	 * The web app's sources, a Next.js project.
	 */
	Path web() {
		return this.root.resolve("web");
	}

	/**
	 * The standalone server {@code npm run build} writes (Next.js {@code output:
	 * 'standalone'}).
	 */
	Path webServer() {
		return web().resolve(".next/standalone/server.js");
	}

	/**
	 * What the runner remembers of the web app's builds: when it last built.
	 */
	Path webState() {
		return home().resolve("web");
	}

	Path stateFile() {
		return home().resolve("state.json");
	}

	/**
	 * The state of the last supervisor, set aside by {@code ./platform up} before the
	 * next one starts.
	 */
	Path previousStateFile() {
		return home().resolve("state.previous.json");
	}

	Path pidFile() {
		return home().resolve("supervisor.pid");
	}

	/**
	 * Left by {@code ./platform up} for a running supervisor: start what is down.
	 */
	Path reviveRequest() {
		return home().resolve("revive");
	}

}
