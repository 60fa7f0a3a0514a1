package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import com.notalabel.platform.PlatformState.Cache;
import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

/**
 * The long-lived process behind {@code ./platform up}: it starts the infrastructure and
 * every service, records what it started in {@code .platform/state.json}, starts again a
 * service that dies, trains the AOT caches one at a time once everything is ready, and on
 * SIGTERM ({@code ./platform down}) stops exactly what it started, services first. A
 * start that fails stops everything it had started and ends the supervisor.
 */
final class Supervisor {

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private static final Duration TICK = Duration.ofMillis(250);

	static final String GATEWAY_URL = "http://127.0.0.1:3001";

	/**
	 * The origins the web app is opened at under {@code ./platform up}: the gateway's
	 * CORS and CSRF Origin check accept both, the links in mails use the first.
	 */
	static final List<String> WEB_ORIGINS = List.of(WebLauncher.URL, "http://localhost:" + WebLauncher.SPEC.port());

	/**
	 * S3Proxy and the mail catcher start in seconds; a start that takes minutes hangs.
	 */
	private static final Duration INFRASTRUCTURE_START_LIMIT = Duration.ofMinutes(2);

	private final Layout layout;

	private final Options options;

	private final Object lock = new Object();

	private final AtomicBoolean shutDown = new AtomicBoolean();

	private final List<AutoCloseable> infrastructure = new ArrayList<>();

	/** S3 and the mail catcher, started beside the services: done once they run. */
	private final Map<String, CompletableFuture<@Nullable Void>> infrastructureStarts = new ConcurrentHashMap<>();

	private volatile boolean stopping;

	private @Nullable Services services;

	private @Nullable Training training;

	private @Nullable WebApp web;

	private PlatformState state;

	/**
	 * @param training whether to train the services' AOT caches once the platform is
	 * ready
	 * @param parallelStarts how many services start at once: all by default (ADR 26: in
	 * turns costs more CPU once the JIT compiles the services that are already up)
	 * @param limits when a start is given up on
	 * @param restarts when a dead service is started again
	 * @param web whether to build and start the web app (when Node.js is there)
	 */
	record Options(boolean training, int parallelStarts, StartWatch.Limits limits, RestartPolicy restarts,
			boolean web) {

		static Options from(List<String> arguments) {
			int parallel = Integer
				.parseInt(Postgres.env("PLATFORM_PARALLEL_STARTS", Integer.toString(ServiceSpec.ALL.size())));
			return new Options(!arguments.contains("--no-training"), parallel, StartWatch.Limits.fromEnvironment(),
					RestartPolicy.DEFAULT, !arguments.contains("--no-web"));
		}

	}

	Supervisor(Layout layout, Options options) {
		this.layout = layout;
		this.options = options;
		this.state = PlatformState.starting(ProcessHandle.current().pid());
	}

	/**
	 * @return the supervisor's exit code: 0 once stopped by {@code ./platform down}, 1
	 * after a failed start
	 */
	int run() throws Exception {
		// What a supervisor that died may have left behind holds the ports; here rather than
		// in ./platform, where it would cost a JVM start of its own before this one.
		Platform.reap(this.layout);
		Files.createDirectories(this.layout.logs());
		Files.deleteIfExists(this.layout.reviveRequest());
		Files.writeString(this.layout.pidFile(), Long.toString(ProcessHandle.current().pid()));
		save(this.state);
		Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "platform-shutdown"));
		Console.log("Supervisor " + ProcessHandle.current().pid() + ": " + this.options.parallelStarts()
				+ " services start at once" + (this.options.training() ? "" : "; no AOT training runs")
				+ (this.options.web() ? "" : "; no web app"));
		try {
			startInfrastructure();
		}
		catch (Exception ex) {
			return failed("the infrastructure did not start: " + ex.getMessage());
		}
		while (!this.stopping) {
			String failure;
			synchronized (this.lock) {
				if (this.stopping) {
					break;
				}
				failure = tick();
			}
			if (failure != null) {
				return failed(failure);
			}
			TimeUnit.MILLISECONDS.sleep(TICK.toMillis());
		}
		return 0;
	}

	private void startInfrastructure() throws Exception {
		// The jars are extracted while the infrastructure starts; the services' settings
		// are known once it runs.
		AtomicReference<Function<ServiceSpec, Map<String, String>>> settings = new AtomicReference<>();
		ServiceLauncher launcher = new ServiceLauncher(this.layout, (spec) -> settings.get().apply(spec),
				Postgres.env("PLATFORM_JAVA_OPTIONS", ""));
		launcher.extractInBackground(ServiceSpec.ALL, Runtime.getRuntime().availableProcessors());

		Postgres postgres = Postgres.start(this.layout);
		this.infrastructure.add(postgres);
		postgres.provision();
		update((current) -> current.with(Component.infrastructure("postgres", postgres.endpoint(),
				postgres.embedded() ? ComponentState.READY : ComponentState.EXTERNAL,
				postgres.embedded() ? "embedded binaries" : "the machine's")));

		Redis redis = Redis.start(this.layout);
		this.infrastructure.add(redis);
		update((current) -> current.with(Component.infrastructure("redis", redis.endpoint(),
				redis.embedded() ? ComponentState.READY : ComponentState.EXTERNAL,
				redis.embedded() ? "embedded binary" : "the machine's")));

		// No service needs S3 or the mail catcher to become ready (readiness is the database
		// and Redis), and S3Proxy takes seconds to start: both start beside the services, on
		// ports chosen now so that the services' settings are known at once.
		int s3Port = ObjectStore.choosePort();
		MailCatcher.Listening mailPorts = MailCatcher.Listening.choose();
		startBeside(Component.infrastructure("s3", ObjectStore.endpoint(s3Port), ComponentState.STARTING, "S3Proxy"),
				() -> ObjectStore.start(this.layout, s3Port),
				(s3) -> Component.infrastructure("s3", s3.endpoint(), ComponentState.READY, "S3Proxy"));
		startBeside(
				Component.infrastructure("mail", "smtp://127.0.0.1:" + mailPorts.smtpPort(), ComponentState.STARTING,
						"catcher"),
				() -> MailCatcher.start(mailPorts), (mail) -> Component.infrastructure("mail",
						"smtp://127.0.0.1:" + mail.smtpPort(), ComponentState.READY, "catcher at " + mail.url()));
		update((current) -> current.withUrl("mail catcher", "http://127.0.0.1:" + mailPorts.httpPort()));

		// The stores start in well under a second; distribution's settings need their host keys.
		ReferenceStores stores = ReferenceStores.start(this.layout, ReferenceStores.choosePorts());
		this.infrastructure.add(stores);
		update((current) -> current.with(Component.infrastructure("stores", stores.endpoints(), ComponentState.READY,
				"two reference stores (DDEX over SFTP)")));

		settings.set((spec) -> {
			Map<String, String> environment = environment(spec, postgres, redis, ObjectStore.endpoint(s3Port),
					mailPorts.smtpPort());
			if ("distribution-service".equals(spec.name())) {
				environment.putAll(stores.distributionEnvironment());
			}
			if ("analytics-service".equals(spec.name())) {
				environment.putAll(stores.analyticsEnvironment());
			}
			return environment;
		});
		WebApp webApp = WebApp.prepare(this.layout, this.options.web(), NodeRuntime::detect,
				(node) -> new WebLauncher(this.layout, node, GATEWAY_URL), this.options.restarts(), Console::log,
				InstantSource.system());
		if (webApp.component().state() == ComponentState.SKIPPED) {
			Console.log("The web app is skipped: " + webApp.component().problem());
		}
		synchronized (this.lock) {
			this.services = new Services(ServiceSpec.ALL, launcher, this.options.restarts(), this.options.limits(),
					this.options.parallelStarts(), Console::log, InstantSource.system());
			this.training = new Training(launcher, Console::log);
			this.web = webApp;
			publish();
		}
	}

	/**
	 * Starts a piece of infrastructure on a thread of its own. Once started it joins what
	 * {@code down} stops, unless {@code down} came first: then it is stopped at once.
	 * @param starting how it shows until it runs
	 * @param start starts it
	 * @param running how it shows once it runs
	 */
	private <T extends AutoCloseable> void startBeside(Component starting, Callable<T> start,
			Function<T, Component> running) {
		update((current) -> current.with(starting));
		CompletableFuture<@Nullable Void> started = CompletableFuture.supplyAsync(() -> {
			try {
				return start.call();
			}
			catch (Exception ex) {
				throw new CompletionException(ex);
			}
		}, (task) -> Thread.ofPlatform().name("start-" + starting.name()).start(task))
			.orTimeout(INFRASTRUCTURE_START_LIMIT.toSeconds(), TimeUnit.SECONDS)
			.thenAccept((component) -> {
				synchronized (this.lock) {
					if (this.stopping) {
						close(component);
						return;
					}
					this.infrastructure.add(component);
					update((current) -> current.with(running.apply(component)));
				}
			});
		this.infrastructureStarts.put(starting.name(), started);
	}

	/**
	 * @return why a piece of infrastructure started beside the services failed, if one
	 * did
	 */
	private Optional<String> infrastructureFailure() {
		for (Map.Entry<String, CompletableFuture<@Nullable Void>> start : this.infrastructureStarts.entrySet()) {
			if (start.getValue().isCompletedExceptionally()) {
				Throwable cause = start.getValue().exceptionNow();
				Throwable reason = (cause instanceof CompletionException && cause.getCause() != null) ? cause.getCause()
						: cause;
				return Optional.of(start.getKey() + " did not start" + ((reason instanceof TimeoutException)
						? " within " + Durations.text(INFRASTRUCTURE_START_LIMIT) : ": " + reason.getMessage()));
			}
		}
		return Optional.empty();
	}

	private boolean infrastructureStarted() {
		return this.infrastructureStarts.values().stream().allMatch((start) -> start.state() == Future.State.SUCCESS);
	}

	/**
	 * One look at everything, under the lock so that a concurrent {@code down} never sees
	 * half a step.
	 * @return why the start failed, if it did
	 */
	private @Nullable String tick() throws IOException {
		Services running = this.services;
		Training trainer = this.training;
		WebApp webApp = this.web;
		if (running == null || trainer == null || webApp == null) {
			return null;
		}
		if (Files.exists(this.layout.reviveRequest())) {
			List<String> asked = Files.readAllLines(this.layout.reviveRequest());
			Files.deleteIfExists(this.layout.reviveRequest());
			running.revive();
			webApp.revive();
			// Named while it runs: its build is stale (./platform up said why).
			if (asked.contains(WebLauncher.SPEC.name())) {
				webApp.rebuild("its build is stale; building it again");
			}
		}
		Optional<String> infrastructureFailure = infrastructureFailure();
		if (infrastructureFailure.isPresent()) {
			return infrastructureFailure.get();
		}
		boolean wasStarted = running.started();
		running.tick();
		if (running.failure().isPresent()) {
			publish();
			return running.failure().get();
		}
		if (!wasStarted && running.started()) {
			Console.log(
					"Every service is ready, " + Durations.text(Duration.between(this.state.startedAt(), Instant.now()))
							+ " after the start; the services used " + Durations.text(running.cpu()) + " of CPU");
			if (this.options.training()) {
				// Only now: a training run costs as much CPU as a start.
				ServiceSpec.ALL.stream().filter((spec) -> !running.cached(spec.name())).forEach(trainer::queue);
			}
		}
		webApp.tick(running.started());
		// A training run beside the web app's build would only slow both down.
		trainer.tick(running.allReady() && !webApp.busy());
		publish();
		return null;
	}

	/**
	 * Writes the services' and the training's news to the state file when there are any.
	 */
	private void publish() {
		Services running = this.services;
		Training trainer = this.training;
		WebApp webApp = this.web;
		if (running == null || trainer == null || webApp == null) {
			return;
		}
		update((current) -> {
			PlatformState next = current;
			for (Component component : running.components()) {
				Cache cache = trainer.cache(component.name())
					.orElse(running.cached(component.name()) ? Cache.USED : Cache.NONE);
				next = next.with(component.withCache(cache));
			}
			next = next.with(webApp.component());
			boolean up = running.allReady() && webApp.up();
			if (webApp.component().state() == ComponentState.READY) {
				next = next.withUrl("web app", WebLauncher.URL);
			}
			// Ready once the web app's start is over too, whichever way it went: a build that
			// failed leaves the platform degraded, not stopped.
			if (current.phase() == Phase.STARTING && running.started() && infrastructureStarted() && webApp.settled()) {
				next = next.withPhase(up ? Phase.READY : Phase.DEGRADED, null)
					.withUrl("gateway", GATEWAY_URL)
					.withUrl("API docs", GATEWAY_URL + "/docs");
			}
			else if (current.phase() == Phase.READY || current.phase() == Phase.DEGRADED) {
				next = next.withPhase(up ? Phase.READY : Phase.DEGRADED, null);
			}
			return next;
		});
	}

	private int failed(String reason) {
		Console.log("The start failed: " + reason + "; stopping what was started");
		update((current) -> current.withPhase(Phase.FAILED, reason));
		shutdown();
		return 1;
	}

	static Map<String, String> environment(ServiceSpec spec, Postgres postgres, Redis redis, String s3Endpoint,
			int smtpPort) {
		Map<String, String> environment = new LinkedHashMap<>();
		environment.put("PORT", Integer.toString(spec.port()));
		environment.put("REDIS_URL", redis.url());
		environment.put("JWKS_URI", "http://127.0.0.1:3002/.well-known/jwks.json");
		if (spec.schema() != null) {
			// Each service logs in as its own role (roles.sql gives local passwords).
			environment.put("DB_URL", postgres.jdbcUrl());
			environment.put("DB_USERNAME", spec.schema());
			environment.put("DB_PASSWORD", "local-only-" + spec.schema());
		}
		environment.put("S3_ENDPOINT", s3Endpoint);
		environment.put("S3_REGION", ObjectStore.REGION);
		environment.put("S3_ACCESS_KEY", ObjectStore.ACCESS_KEY);
		environment.put("S3_SECRET_KEY", ObjectStore.SECRET_KEY);
		environment.put("S3_BUCKET", ObjectStore.BUCKET);
		environment.put("SMTP_HOST", "127.0.0.1");
		environment.put("SMTP_PORT", Integer.toString(smtpPort));
		// An nginx on this machine (./e2e, a developer's) is the one proxy the gateway believes.
		environment.put("TRUSTED_PROXIES", "127.0.0.1/32");
		environment.putAll(webAppSettings(spec, Postgres.env("PLATFORM_EXTRA_ORIGINS", "")));
		return environment;
	}

	/**
	 * Where the web app is, for the services that need to know: the gateway's CORS and
	 * CSRF Origin check (the app passes /api/* on, so the browser calls the API from the
	 * app's origin) and the links in mails.
	 * @param extraOrigins {@code PLATFORM_EXTRA_ORIGINS}: more origins the gateway
	 * accepts, comma-separated (a {@code next dev} server on another port)
	 */
	static Map<String, String> webAppSettings(ServiceSpec spec, String extraOrigins) {
		List<String> origins = new ArrayList<>(WEB_ORIGINS);
		Arrays.stream(extraOrigins.split(","))
			.map(String::strip)
			.filter((origin) -> !origin.isEmpty() && !origins.contains(origin))
			.forEach(origins::add);
		return switch (spec.name()) {
			case "gateway" -> Map.of("CORS_ALLOWED_ORIGINS", String.join(",", origins));
			case "notification-service" -> Map.of("APP_BASE_URL", WEB_ORIGINS.getFirst());
			default -> Map.of();
		};
	}

	private void save(PlatformState updated) {
		synchronized (this.lock) {
			if (!updated.equals(this.state)) {
				updated.writeTo(this.layout.stateFile());
			}
			this.state = updated;
		}
	}

	private void update(UnaryOperator<PlatformState> change) {
		synchronized (this.lock) {
			save(change.apply(this.state));
		}
	}

	/**
	 * Stops everything it started, once: from {@code ./platform down} (the shutdown hook)
	 * or after a failed start.
	 */
	private void shutdown() {
		if (!this.shutDown.compareAndSet(false, true)) {
			return;
		}
		Services running;
		synchronized (this.lock) {
			this.stopping = true;
			running = this.services;
			if (this.training != null) {
				this.training.cancel();
			}
			if (this.state.phase() != Phase.FAILED) {
				update((current) -> current.withPhase(Phase.STOPPING, null));
			}
		}
		Console.log("Stopping");
		WebApp webApp = this.web;
		if (webApp != null) {
			// First: it passes requests to the gateway.
			webApp.stop(STOP_GRACE);
		}
		if (running != null) {
			running.stopAll(STOP_GRACE);
			publish();
		}
		for (CompletableFuture<@Nullable Void> start : this.infrastructureStarts.values()) {
			// What is still starting stops itself once it runs, since stopping is set.
			try {
				start.get(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
			}
			catch (ExecutionException | TimeoutException ex) {
				// Its failure was reported; nothing of it runs.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		for (AutoCloseable component : this.infrastructure.reversed()) {
			close(component);
		}
		update((current) -> (current.phase() == Phase.FAILED) ? current : current.withPhase(Phase.STOPPED, null));
		try {
			Files.deleteIfExists(this.layout.pidFile());
		}
		catch (IOException ex) {
			Console.log("Could not remove " + this.layout.pidFile() + ": " + ex.getMessage());
		}
		Console.log("Stopped");
	}

	private static void close(@Nullable AutoCloseable component) {
		if (component == null) {
			return;
		}
		try {
			component.close();
		}
		catch (Exception ex) {
			Console.log("Stopping " + component.getClass().getSimpleName() + " failed: " + ex.getMessage());
		}
	}

}
