package com.notalabel.platform;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;
import com.notalabel.platform.PlatformState.Phase;

/**
 * The long-lived process behind {@code ./platform up}: it starts the infrastructure and
 * every service, records what it started in {@code .platform/state.json}, notices a
 * service that dies, and on SIGTERM ({@code ./platform down}) stops exactly what it
 * started, services first.
 */
final class Supervisor {

	private static final Duration READY_TIMEOUT = Duration.ofMinutes(4);

	private static final Duration STOP_GRACE = Duration.ofSeconds(30);

	private final Layout layout;

	private final CountDownLatch stopped = new CountDownLatch(1);

	private final List<ServiceProcess> services = new ArrayList<>();

	private final List<AutoCloseable> infrastructure = new ArrayList<>();

	private volatile boolean stopping;

	private PlatformState state;

	Supervisor(Layout layout) {
		this.layout = layout;
		this.state = PlatformState.starting(ProcessHandle.current().pid());
	}

	void run() throws Exception {
		Files.createDirectories(this.layout.logs());
		Files.writeString(this.layout.pidFile(), Long.toString(ProcessHandle.current().pid()));
		save(this.state);
		Runtime.getRuntime().addShutdownHook(new Thread(this::shutdown, "platform-shutdown"));
		try {
			startInfrastructureAndServices();
		}
		catch (Exception ex) {
			Console.log("Start-up failed: " + ex.getMessage());
			update((current) -> current.withPhase(Phase.FAILED, ex.getMessage()));
		}
		this.stopped.await();
	}

	private void startInfrastructureAndServices() throws Exception {
		Postgres postgres = Postgres.start(this.layout);
		this.infrastructure.add(postgres);
		postgres.provision();
		update((current) -> current.with(new Component("postgres", postgres.endpoint(), null,
				postgres.embedded() ? ComponentState.READY : ComponentState.EXTERNAL, null,
				postgres.embedded() ? "embedded binaries" : "the machine's")));

		Redis redis = Redis.start(this.layout);
		this.infrastructure.add(redis);
		update((current) -> current.with(new Component("redis", redis.endpoint(), null,
				redis.embedded() ? ComponentState.READY : ComponentState.EXTERNAL, null,
				redis.embedded() ? "embedded binary" : "the machine's")));

		ObjectStore s3 = ObjectStore.start(this.layout);
		this.infrastructure.add(s3);
		update((current) -> current
			.with(new Component("s3", s3.endpoint(), null, ComponentState.READY, null, "S3Proxy")));

		MailCatcher mail = MailCatcher.start();
		this.infrastructure.add(mail);
		update((current) -> current
			.with(new Component("mail", "smtp://127.0.0.1:" + mail.smtpPort(), null, ComponentState.READY, null,
					"catcher at " + mail.url()))
			.withUrl("mail catcher", mail.url()));

		for (ServiceSpec spec : ServiceSpec.ALL) {
			if (!Ports.free(spec.port())) {
				throw new IllegalStateException("Port " + spec.port() + " for " + spec.name()
						+ " is in use by another program; stop it and run ./platform up again");
			}
		}
		List<Thread> starts = new ArrayList<>();
		for (ServiceSpec spec : ServiceSpec.ALL) {
			ServiceProcess service = new ServiceProcess(spec, this.layout,
					environment(spec, postgres, redis, s3, mail));
			this.services.add(service);
			update((current) -> current.with(new Component(spec.name(), "http://127.0.0.1:" + spec.port(), null,
					ComponentState.STARTING, null, "process")));
			// In parallel: a service whose jar changed needs a training run first.
			starts.add(Thread.ofVirtual().start(() -> start(service)));
		}
		for (Thread start : starts) {
			start.join();
		}
		awaitReadiness();
	}

	private void start(ServiceProcess service) {
		ServiceSpec spec = service.spec();
		try {
			Process process = service.start();
			update((current) -> current.with(new Component(spec.name(), "http://127.0.0.1:" + spec.port(),
					process.pid(), ComponentState.STARTING, null, "process")));
			process.onExit().thenAccept((exited) -> crashed(spec, exited.exitValue()));
		}
		catch (Exception ex) {
			Console.log(spec.name() + " could not start: " + ex.getMessage());
			updateComponent(spec.name(), (component) -> component.withState(ComponentState.CRASHED, null));
		}
	}

	private void awaitReadiness() throws InterruptedException {
		long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
		List<ServiceProcess> waiting = new ArrayList<>(this.services);
		while (!waiting.isEmpty()) {
			for (ServiceProcess service : List.copyOf(waiting)) {
				if (service.process() == null || !service.process().isAlive()) {
					update((current) -> current.withPhase(Phase.FAILED, service.spec().name()
							+ " stopped during start-up; see " + this.layout.log(service.spec().name())));
					return;
				}
				if (service.ready()) {
					waiting.remove(service);
					markReady(service.spec());
				}
			}
			if (System.nanoTime() > deadline) {
				update((current) -> current.withPhase(Phase.FAILED, "Not ready after " + READY_TIMEOUT.toMinutes()
						+ " minutes: " + waiting.stream().map((service) -> service.spec().name()).toList()));
				return;
			}
			TimeUnit.MILLISECONDS.sleep(200);
		}
		update((current) -> current.withPhase(Phase.READY, null)
			.withUrl("gateway", "http://127.0.0.1:3001")
			.withUrl("API docs", "http://127.0.0.1:3001/docs"));
		Console.log("Every service is ready");
	}

	private synchronized void markReady(ServiceSpec spec) {
		updateComponent(spec.name(), (component) -> component.withState(ComponentState.READY, null));
		Console.log(spec.name() + " is ready");
	}

	private synchronized void crashed(ServiceSpec spec, int exitCode) {
		if (this.stopping) {
			return;
		}
		Console.log(spec.name() + " exited with code " + exitCode + "; see " + this.layout.log(spec.name()));
		updateComponent(spec.name(), (component) -> component.withState(ComponentState.CRASHED, exitCode));
	}

	static Map<String, String> environment(ServiceSpec spec, Postgres postgres, Redis redis, ObjectStore s3,
			MailCatcher mail) {
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
		environment.put("S3_ENDPOINT", s3.endpoint());
		environment.put("S3_REGION", ObjectStore.REGION);
		environment.put("S3_ACCESS_KEY", ObjectStore.ACCESS_KEY);
		environment.put("S3_SECRET_KEY", ObjectStore.SECRET_KEY);
		environment.put("S3_BUCKET", ObjectStore.BUCKET);
		environment.put("SMTP_HOST", "127.0.0.1");
		environment.put("SMTP_PORT", Integer.toString(mail.smtpPort()));
		// An nginx on this machine (./e2e, a developer's) is the one proxy the gateway
		// believes.
		environment.put("TRUSTED_PROXIES", "127.0.0.1/32");
		return environment;
	}

	private synchronized void save(PlatformState updated) {
		this.state = updated;
		updated.writeTo(this.layout.stateFile());
	}

	/**
	 * Changes the state as one step, so that threads starting and watching services in
	 * parallel never overwrite each other's news.
	 */
	private synchronized void update(UnaryOperator<PlatformState> change) {
		save(change.apply(this.state));
	}

	private void updateComponent(String name, UnaryOperator<Component> change) {
		update((current) -> current.component(name).map(change).map(current::with).orElse(current));
	}

	private void shutdown() {
		this.stopping = true;
		Console.log("Stopping");
		update((current) -> current.withPhase(Phase.STOPPING, null));
		// Services first, in parallel: each may take a while to drain its work.
		List<Thread> stops = this.services.stream()
			.map((service) -> Thread.ofVirtual().start(() -> service.stop(STOP_GRACE)))
			.toList();
		for (Thread stop : stops) {
			join(stop);
		}
		for (ServiceProcess service : this.services) {
			updateComponent(service.spec().name(), (component) -> component.withState(ComponentState.STOPPED, null));
		}
		for (AutoCloseable component : this.infrastructure.reversed()) {
			close(component);
		}
		try {
			Files.deleteIfExists(this.layout.pidFile());
		}
		catch (Exception ex) {
			Console.log("Could not remove " + this.layout.pidFile() + ": " + ex.getMessage());
		}
		Console.log("Stopped");
		this.stopped.countDown();
	}

	private static void join(Thread thread) {
		try {
			thread.join();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
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
