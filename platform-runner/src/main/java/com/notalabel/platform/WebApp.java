package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;

/**
 * The web app's place in the platform: skipped, with the reason, when Node.js is missing
 * or too old (or {@code --no-web} asked so); otherwise built and started once every
 * service is ready (its build would only slow their starts down on a small machine, and
 * the app is of no use without the gateway), then supervised like a service: started
 * again when it dies. Unlike a service, a failed first start (a build that fails) leaves
 * the platform running without it: the API serves its other clients, and
 * {@code ./platform
 * up} tries again.
 */
final class WebApp {

	/** The server stops in a moment; its build is what takes time. */
	private static final Duration REBUILD_GRACE = Duration.ofSeconds(10);

	private final @Nullable Services services;

	private final @Nullable Component skipped;

	private WebApp(@Nullable Services services, @Nullable Component skipped) {
		this.services = services;
		this.skipped = skipped;
	}

	static WebApp skipped(String why) {
		return new WebApp(null, Component.skipped(WebLauncher.SPEC.name(), WebLauncher.URL, why));
	}

	static WebApp supervised(Services.Launcher launcher, RestartPolicy policy, Consumer<String> log,
			InstantSource clock) {
		return new WebApp(new Services(List.of(WebLauncher.SPEC), launcher, policy, WebLauncher.LIMITS, 1, log, clock),
				null);
	}

	/**
	 * Decides whether the web app runs, and with which Node.js.
	 * @param wanted false after {@code --no-web}
	 * @param detect finds Node.js given the oldest version that will do
	 * @param launcher makes the launcher once Node.js was found
	 */
	static WebApp prepare(Layout layout, boolean wanted, Function<NodeRuntime.Version, NodeRuntime.Detection> detect,
			Function<NodeRuntime.Usable, Services.Launcher> launcher, RestartPolicy policy, Consumer<String> log,
			InstantSource clock) {
		if (!wanted) {
			return skipped("./platform up --no-web left it out");
		}
		Path packageJson = layout.web().resolve("package.json");
		if (!Files.exists(packageJson)) {
			return skipped("there is no " + packageJson);
		}
		String manifest;
		try {
			manifest = Files.readString(packageJson);
		}
		catch (IOException ex) {
			return skipped(packageJson + " could not be read: " + ex.getMessage());
		}
		NodeRuntime.Version minimum = NodeRuntime.minimum(manifest);
		return switch (detect.apply(minimum)) {
			case NodeRuntime.Unusable unusable -> skipped(NodeRuntime.skipMessage(unusable.reason(), minimum));
			case NodeRuntime.Usable usable -> {
				log.accept("The web app builds with Node.js " + usable.version() + " (" + usable.node() + ") and npm ("
						+ usable.npm() + ") once every service is ready");
				yield supervised(launcher.apply(usable), policy, log, clock);
			}
		};
	}

	/**
	 * Moves the web app on; it starts only once every service was ready.
	 * @param servicesStarted whether every service was ready at least once
	 */
	void tick(boolean servicesStarted) {
		if (this.services != null && servicesStarted) {
			this.services.tick();
		}
	}

	/**
	 * @return whether its start is over, whichever way: skipped, ready once, or failed
	 */
	boolean settled() {
		return this.services == null || this.services.started() || this.services.failure().isPresent();
	}

	/**
	 * @return whether it serves, or was left out on purpose
	 */
	boolean up() {
		return this.services == null || this.services.allReady();
	}

	/**
	 * @return whether it builds or starts now: a time for the AOT training runs to wait
	 */
	boolean busy() {
		return this.services != null && component().state() == ComponentState.STARTING;
	}

	Component component() {
		if (this.services == null) {
			return Objects.requireNonNull(this.skipped);
		}
		return this.services.components().getFirst();
	}

	/**
	 * @return why its last start failed, if it failed and nobody asked again
	 */
	Optional<String> failure() {
		return (this.services != null) ? this.services.failure() : Optional.empty();
	}

	/**
	 * {@code ./platform up} on a running platform: starts it again if it is down.
	 */
	List<String> revive() {
		return (this.services != null) ? this.services.revive() : List.of();
	}

	/**
	 * {@code ./platform up} on a running platform whose app's build is stale: stops the
	 * server and builds and starts it again, as at the first start.
	 * @return whether it was running and is started again
	 */
	boolean rebuild(String why) {
		if (this.services == null || component().state() != ComponentState.READY) {
			return false;
		}
		this.services.startAfresh(REBUILD_GRACE, why);
		return true;
	}

	void stop(Duration grace) {
		if (this.services != null) {
			this.services.stopAll(grace);
		}
	}

}
