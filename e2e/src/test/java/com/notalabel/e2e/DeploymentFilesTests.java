package com.notalabel.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker compose cannot run on this machine (no Docker engine), so its file is checked
 * against the code: every service is there with a health check, a memory limit and its
 * dependencies healthy first; only nginx publishes ports; and every environment variable
 * a service reads is either set for it or is a tunable whose default holds in compose.
 */
class DeploymentFilesTests {

	/** Modules that run as containers, with the names of their compose services. */
	static final List<String> APPLICATIONS = List.of("gateway", "user-service", "music-service", "ai-service",
			"analytics-service", "distribution-service", "notification-service", "payment-service");

	static final List<String> INFRASTRUCTURE = List.of("postgres", "redis", "minio", "mailpit", "nginx");

	/**
	 * What the web app's server reads that its image sets itself
	 * ({@code web/Dockerfile}).
	 */
	static final Set<String> WEB_IMAGE_VARIABLES = Set.of("NODE_ENV", "PORT", "HOSTNAME", "NEXT_TELEMETRY_DISABLED");

	private static final Pattern PROCESS_ENV = Pattern.compile("process\\.env\\.([A-Z][A-Z0-9_]*)");

	/**
	 * Variables a service reads whose local default is also right in compose, so compose
	 * need not set them. Anything else a service reads must be set for it.
	 */
	static final Set<String> TUNABLES_WITH_SOUND_DEFAULTS = Set.of("PORT", "TRACING_SAMPLING_PROBABILITY",
			"DB_POOL_SIZE", "DB_POOL_MIN_IDLE", "SERVER_ACCEPT_COUNT", "REDIS_KEY_PREFIX", "MANAGEMENT_PORT",
			"MAX_REQUEST_SIZE", "ROUTE_CONNECT_TIMEOUT_MS", "ROUTE_RESPONSE_TIMEOUT", "AI_SERVICE_RESPONSE_TIMEOUT_MS",
			"ANALYTICS_SERVICE_RESPONSE_TIMEOUT_MS", "JWT_NEXT_SIGNING_KEY", "JWT_LOCAL_KEY_FILE", "MAX_UPLOAD_SIZE",
			"MUSIC_UPLOAD_RESPONSE_TIMEOUT_MS", "USER_PASSWORDS_RESPONSE_TIMEOUT_MS", "SMTP_CONNECT_TIMEOUT_MS",
			"SMTP_TIMEOUT_MS", "REQUEST_BODY_IDLE_TIMEOUT", "S3_CONNECT_TIMEOUT", "S3_READ_TIMEOUT",
			"S3_CALL_ATTEMPT_TIMEOUT", "S3_CALL_TIMEOUT", "S3_MAX_ATTEMPTS", "S3_PUBLIC_ENDPOINT", "MAX_IMPORT_SIZE",
			"ANALYTICS_IMPORT_RESPONSE_TIMEOUT_MS", "EVENT_STREAM_RESPONSE_TIMEOUT_MS", "PAYOUT_RESPONSE_TIMEOUT_MS");

	/** Families of tunables (rate limits, breakers) with sound defaults. */
	static final List<String> TUNABLE_PREFIXES = List.of("RATE_LIMIT_", "CIRCUIT_BREAKER_", "PROCESSING_", "ARTWORK_",
			"UPLOAD_", "DISTRIBUTION_", "IMPORT_", "STORE_REPORTS_", "PLAYS_FOLD_", "LIVE_");

	/**
	 * Lists of settings bound by their numbered names (nal.analytics.stores[n]), which no
	 * application.yml can name one by one.
	 */
	static final List<String> BOUND_BY_NAME_PREFIXES = List.of("NAL_ANALYTICS_STORES_");

	/** What compose may set that no application.yml names: read by the JVM itself. */
	static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::|})");

	private static final Pattern COMPOSE_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:?[-?][^}]*)?}");

	static Path root;

	static Map<String, Object> compose;

	@BeforeAll
	@SuppressWarnings("unchecked")
	static void readCompose() throws IOException {
		root = Repository.root();
		LoaderOptions options = new LoaderOptions();
		// compose uses merge keys (<<) for the settings every service shares.
		options.setMaxAliasesForCollections(100);
		compose = new Yaml(options).load(Files.readString(root.resolve("docker-compose.yml")));
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> services() {
		return (Map<String, Object>) compose.get("services");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> service(String name) {
		Map<String, Object> service = (Map<String, Object>) services().get(name);
		assertThat(service).as("compose service " + name).isNotNull();
		return service;
	}

	@Test
	void runsEveryApplicationAndItsInfrastructure() {
		assertThat(services().keySet()).containsAll(APPLICATIONS).containsAll(INFRASTRUCTURE);
		for (String application : APPLICATIONS) {
			@SuppressWarnings("unchecked")
			Map<String, Object> build = (Map<String, Object>) service(application).get("build");
			assertThat(build).as(application + " is built from the Dockerfile").isNotNull();
			assertThat(build.get("args")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
				.containsEntry("SERVICE", application);
		}
	}

	@Test
	void publishesPortsOnlyThroughNginx() {
		Set<String> publishing = services().entrySet()
			.stream()
			.filter((entry) -> ((Map<?, ?>) entry.getValue()).containsKey("ports"))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());

		assertThat(publishing).containsExactly("nginx");
	}

	@Test
	void checksTheHealthOfEveryLongRunningServiceAndLimitsItsMemory() {
		for (String name : services().keySet()) {
			Map<String, Object> service = service(name);
			if ("no".equals(String.valueOf(service.get("restart")))) {
				continue;
			}
			assertThat(service).as(name + " has a health check").containsKey("healthcheck");
			assertThat(String.valueOf(service.get("deploy"))).as(name + " has a memory limit").contains("memory=");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void startsEveryServiceOnlyOnceWhatItNeedsIsHealthy() {
		for (String name : services().keySet()) {
			Object dependsOn = service(name).get("depends_on");
			if (dependsOn == null) {
				continue;
			}
			assertThat(dependsOn).as(name + " names its conditions").isInstanceOf(Map.class);
			((Map<String, Object>) dependsOn).forEach((dependency,
					condition) -> assertThat(String.valueOf(((Map<String, Object>) condition).get("condition")))
						.as(name + " waits for " + dependency)
						.isIn("service_healthy", "service_completed_successfully"));
		}
		assertThat(((Map<String, Object>) service("music-service").get("depends_on")).keySet())
			.contains("minio-bucket");
	}

	@Test
	void keepsRedisStreamsAcrossRestarts() {
		assertThat(String.valueOf(service("redis").get("command"))).contains("--appendonly, yes");
	}

	@Test
	void setsEveryVariableAServiceReads() throws IOException {
		for (String application : APPLICATIONS) {
			Set<String> read = variablesReadBy(application);
			@SuppressWarnings("unchecked")
			Map<String, Object> environment = (Map<String, Object>) service(application).get("environment");
			Set<String> missing = new TreeSet<>(read);
			missing.removeAll(environment.keySet());
			missing.removeIf(DeploymentFilesTests::isTunable);

			assertThat(missing).as("variables %s reads that compose leaves unset", application).isEmpty();

			Set<String> unknown = new TreeSet<>(environment.keySet());
			unknown.removeAll(read);
			unknown.removeAll(RUNTIME_VARIABLES);
			unknown.removeIf((variable) -> BOUND_BY_NAME_PREFIXES.stream().anyMatch(variable::startsWith));
			assertThat(unknown).as("variables compose sets for %s that it never reads", application).isEmpty();
		}
	}

	@Test
	void documentsEverySecretInTheExampleEnvironment() throws IOException {
		Set<String> referenced = new TreeSet<>();
		Matcher matcher = COMPOSE_VARIABLE.matcher(Files.readString(root.resolve("docker-compose.yml")));
		while (matcher.find()) {
			referenced.add(matcher.group(1));
		}
		Set<String> documented = Files.readAllLines(root.resolve(".env.example"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.startsWith("#") && line.contains("="))
			.map((line) -> line.substring(0, line.indexOf('=')))
			.collect(Collectors.toSet());

		assertThat(documented).containsAll(referenced);
		assertThat(Files.readString(root.resolve(".gitignore"))).contains("/.env");
	}

	@Test
	@SuppressWarnings("unchecked")
	void servesTheWebAppFromItsOwnImageBehindNginxOnly() {
		Map<String, Object> web = service("web");
		Map<String, Object> build = (Map<String, Object>) web.get("build");
		assertThat(build.get("context")).isEqualTo("./web");
		assertThat(root.resolve("web/Dockerfile")).exists();
		assertThat(root.resolve("web/.dockerignore")).content().contains("node_modules", ".next");
		assertThat(((Map<String, Object>) service("nginx").get("depends_on")).keySet()).contains("web", "gateway");
		assertThat((Map<String, Object>) service("nginx").get("environment")).containsEntry("WEB_UPSTREAM", "web:3000")
			.containsEntry("GATEWAY_UPSTREAM", "gateway:3001");
	}

	@Test
	void sendsThePagesToTheWebAppAndTheApiToTheGatewayOnOneOrigin() throws IOException {
		String template = Files.readString(root.resolve("nginx/templates/notalabel.conf.template"));

		assertThat(template).containsPattern("upstream web \\{\\s*server \\$\\{WEB_UPSTREAM};")
			.containsPattern("location / \\{\\s*proxy_pass http://web;")
			.containsPattern("location /api/ \\{\\s*proxy_pass http://gateway;")
			.containsPattern("location = /\\.well-known/jwks\\.json \\{\\s*proxy_pass http://gateway;");
	}

	@Test
	@SuppressWarnings("unchecked")
	void setsEveryVariableTheWebAppReads() throws IOException {
		Set<String> read = new TreeSet<>();
		collectProcessEnv(root.resolve("web/next.config.ts"), read);
		try (var sources = Files.walk(root.resolve("web/src"))) {
			for (Path source : sources.filter((path) -> path.toString().matches(".*\\.(ts|tsx)$")).toList()) {
				collectProcessEnv(source, read);
			}
		}
		Map<String, Object> environment = (Map<String, Object>) service("web").get("environment");
		Map<String, Object> buildArguments = (Map<String, Object>) ((Map<String, Object>) service("web").get("build"))
			.get("args");

		Set<String> missing = new TreeSet<>(read);
		missing.removeAll(environment.keySet());
		missing.removeAll(WEB_IMAGE_VARIABLES);
		assertThat(missing).as("variables the web app reads that compose leaves unset").isEmpty();
		// next.config.ts is read when the app is built: what it reads is a build argument too.
		Set<String> readAtBuild = new TreeSet<>();
		collectProcessEnv(root.resolve("web/next.config.ts"), readAtBuild);
		assertThat(buildArguments.keySet()).containsAll(readAtBuild);
		assertThat(Files.readString(root.resolve("web/Dockerfile")))
			.contains(readAtBuild.stream().map((variable) -> "ARG " + variable).toArray(String[]::new));
	}

	@Test
	void linksInMailsOpenTheOriginTheGatewayAccepts() throws IOException {
		Map<String, String> example = Files.readAllLines(root.resolve(".env.example"))
			.stream()
			.map(String::strip)
			.filter((line) -> !line.startsWith("#") && line.contains("="))
			.collect(Collectors.toMap((line) -> line.substring(0, line.indexOf('=')),
					(line) -> line.substring(line.indexOf('=') + 1), (a, b) -> b));
		@SuppressWarnings("unchecked")
		Map<String, Object> notification = (Map<String, Object>) service("notification-service").get("environment");

		assertThat(List.of(example.get("CORS_ALLOWED_ORIGINS").split(","))).contains(example.get("APP_BASE_URL"));
		assertThat(String.valueOf(notification.get("APP_BASE_URL")))
			.isEqualTo("${APP_BASE_URL:-" + example.get("APP_BASE_URL") + "}");
	}

	private static void collectProcessEnv(Path file, Set<String> into) throws IOException {
		Matcher matcher = PROCESS_ENV.matcher(Files.readString(file));
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

	private static boolean isTunable(String variable) {
		return TUNABLES_WITH_SOUND_DEFAULTS.contains(variable)
				|| TUNABLE_PREFIXES.stream().anyMatch(variable::startsWith);
	}

	static Set<String> variablesReadBy(String application) throws IOException {
		Set<String> variables = new LinkedHashSet<>();
		collect(root.resolve(application).resolve("src/main/resources/application.yml"), variables);
		if (!"gateway".equals(application)) {
			collect(root.resolve("shared-utils/src/main/resources/nal-service-defaults.yml"), variables);
		}
		// shared-utils' storage set-up (S3_*) is on only in a service that declares the S3 SDK.
		if (Files.readString(root.resolve(application).resolve("pom.xml")).contains("<artifactId>s3</artifactId>")) {
			collect(root.resolve("shared-utils/src/main/resources/nal-storage-defaults.yml"), variables);
		}
		return variables;
	}

	private static void collect(Path file, Set<String> into) throws IOException {
		Matcher matcher = PLACEHOLDER.matcher(Files.readString(file));
		while (matcher.find()) {
			into.add(matcher.group(1));
		}
	}

}
