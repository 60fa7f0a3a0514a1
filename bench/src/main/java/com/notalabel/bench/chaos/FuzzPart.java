package com.notalabel.bench.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.bench.chaos.openapi.ApiCatalogue;
import com.notalabel.bench.chaos.openapi.BadInputs;
import com.notalabel.bench.chaos.openapi.FuzzCase;
import com.notalabel.bench.chaos.openapi.Operation;
import com.notalabel.bench.chaos.openapi.Schemas;
import com.notalabel.test.http.Multipart;

/**
 * The bad-input matrix sent to every operation of every OpenAPI document the gateway
 * lists, as an artist of the suite's own (one per document, each creating first what it
 * can own through the document's own list-and-create routes, so that path ids resolve to
 * its resources), and without or with forged credentials.
 */
final class FuzzPart {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * How long a raw request waits: an event stream answers its head at once and then
	 * stays open.
	 */
	private static final Duration STREAM_WAIT = Duration.ofSeconds(20);

	private static final Duration RATE_LIMIT_WAIT_CAP = Duration.ofSeconds(65);

	private final Api api;

	private final Report report;

	private final int parallel;

	private final byte[] wav = Wav.seconds(3);

	private final AtomicInteger operationsFuzzed = new AtomicInteger();

	FuzzPart(Api api, Report report, int parallel) {
		this.api = api;
		this.report = report;
		this.parallel = parallel;
	}

	void run() throws Exception {
		Exchange config = this.api.send("GET", "/api-docs/swagger-config", "discovery", Api.newAddress(), null);
		this.report.check(config);
		if (config.status() != 200) {
			// springdoc's own default place for it.
			config = this.api.send("GET", "/v3/api-docs/swagger-config", "discovery", Api.newAddress(), null);
			this.report.check(config);
		}
		if (config.status() != 200) {
			this.report.violation(config, "no springdoc swagger-config at the gateway");
			return;
		}
		Map<String, List<Operation>> byDocument = new LinkedHashMap<>();
		for (Map.Entry<String, String> document : ApiCatalogue.documents(JSON.readTree(config.body()))) {
			Exchange fetched = this.api.send("GET", document.getValue(), "discovery", Api.newAddress(), null);
			this.report.check(fetched);
			if (fetched.status() != 200) {
				this.report.violation(fetched, "the OpenAPI document of " + document.getKey() + " is missing");
				continue;
			}
			List<Operation> operations = ApiCatalogue.operations(document.getKey(), JSON.readTree(fetched.body()));
			byDocument.put(document.getKey(), operations);
			System.out.printf("fuzz: %s lists %d operations%n", document.getKey(), operations.size());
		}
		try (ExecutorService documents = Executors.newFixedThreadPool(this.parallel)) {
			List<Future<?>> running = new ArrayList<>();
			byDocument.forEach((name, operations) -> running.add(documents.submit(() -> {
				fuzzDocument(name, operations);
				return null;
			})));
			for (Future<?> document : running) {
				document.get();
			}
		}
		this.report.note(
				"fuzz: " + this.operationsFuzzed.get() + " operations in " + byDocument.size() + " OpenAPI documents");
	}

	private void fuzzDocument(String name, List<Operation> operations) {
		Artist artist = Artist.register(this.api, "fuzz", this.report);
		if (artist == null) {
			this.report.violation(new Violation("fuzz", "POST", "/api/v1/auth/register",
					"the fuzzing artist of " + name, 0, "could not register", ""));
			return;
		}
		createOwnResources(artist, operations);
		settle(artist, operations);
		Set<String> limitsSent = new HashSet<>();
		for (Operation operation : operations) {
			if (!artist.ensureSignedIn(this.report)) {
				this.report.violation(new Violation("fuzz", operation.method(), operation.path(), "sign in again", 0,
						"the fuzzing artist cannot sign in", ""));
				return;
			}
			List<FuzzCase> cases = new ArrayList<>(
					BadInputs.expand(operation, ownPathValues(artist, operation, operations), this.wav));
			if (operation.method().equals("GET") && limitsSent.add(operation.path())) {
				cases.addAll(BadInputs.limits(cases.isEmpty() ? operation.path() : pathOf(cases.get(0).target())));
			}
			List<Operation> lists = relatedLists(operation, operations);
			Map<String, String> before = operation.writes() ? snapshot(artist, lists) : Map.of();
			boolean allRefused = true;
			int violationsBefore = this.report.violations().size();
			for (FuzzCase fuzzCase : cases) {
				Map<String, String> caseBefore = fuzzCase.storesNothing() ? snapshot(artist, lists) : Map.of();
				Exchange exchange = send(artist, operation.streams() ? streamed(fuzzCase) : fuzzCase);
				allRefused &= !exchange.is2xx();
				if (fuzzCase.storesNothing() && !exchange.is2xx()) {
					compare(caseBefore, snapshot(artist, lists), exchange);
				}
			}
			if (operation.writes() && allRefused) {
				compare(before, snapshot(artist, lists),
						Exchange.noAnswer(operation.method(), operation.path(), "every case of the operation", "", 0));
			}
			this.operationsFuzzed.incrementAndGet();
			System.out.printf("fuzz: %-22s %-6s %-45s %3d cases, %d violations%n", name, operation.method(),
					operation.path(), cases.size(), this.report.violations().size() - violationsBefore);
		}
	}

	/**
	 * An event stream stays open once it is answered: over a socket, the answer's head is
	 * enough.
	 */
	private static FuzzCase streamed(FuzzCase fuzzCase) {
		return new FuzzCase(fuzzCase.label(), fuzzCase.method(), fuzzCase.target(), fuzzCase.auth(),
				fuzzCase.contentType(), fuzzCase.body(), true, fuzzCase.headers(), fuzzCase.declaredLength(),
				fuzzCase.refuse(), fuzzCase.notConflict(), fuzzCase.storesNothing());
	}

	private static String pathOf(String target) {
		int query = target.indexOf('?');
		return (query >= 0) ? target.substring(0, query) : target;
	}

	private Exchange send(Artist artist, FuzzCase fuzzCase) {
		Exchange exchange = sendOnce(artist, fuzzCase);
		if (exchange.status() == 429) {
			this.report.check(exchange);
			waitOut(exchange);
			exchange = sendOnce(artist, fuzzCase);
		}
		this.report.check(exchange);
		if (!exchange.answered()) {
			this.report.violation(exchange, "no answer");
		}
		if (fuzzCase.refuse() && exchange.is2xx()) {
			this.report.violation(exchange, "accepted: must be refused");
		}
		if (fuzzCase.notConflict() && exchange.status() == 409 && !fuzzCase.label().startsWith("credentials")) {
			this.report.violation(exchange, "invalid input answered 409 (a conflict with state)");
		}
		return exchange;
	}

	private static void waitOut(Exchange limited) {
		long seconds = 2;
		try {
			seconds = JSON.readTree(limited.body()).path("retryAfter").asLong(seconds);
		}
		catch (JacksonException ex) {
			// The header-less default below is enough.
		}
		sleep(Duration.ofSeconds(Math.min(Math.max(seconds, 1), RATE_LIMIT_WAIT_CAP.toSeconds())));
	}

	private Exchange sendOnce(Artist artist, FuzzCase fuzzCase) {
		String token = artist.token();
		String bearer = BadInputs.bearer(fuzzCase.auth(), (token != null) ? token : "");
		// Each case from an address of its own: the strict limits per address (5 registrations in
		// 10 minutes) would otherwise answer most of the matrix with 429 before it reached a service.
		String address = Api.newAddress();
		if (fuzzCase.raw()) {
			RawHttp.Request request = RawHttp.Request.of(fuzzCase.method(), fuzzCase.target())
				.header("X-Forwarded-For", address)
				.header("Accept", Api.ACCEPT)
				.timeout(STREAM_WAIT);
			if (!bearer.isEmpty()) {
				request = request.header("Authorization", "Bearer " + bearer);
			}
			for (Map.Entry<String, String> header : fuzzCase.headers().entrySet()) {
				request = request.header(header.getKey(), header.getValue());
			}
			byte[] body = (fuzzCase.body() != null) ? fuzzCase.body() : new byte[0];
			if (fuzzCase.contentType() != null) {
				request = request.header("Content-Type", fuzzCase.contentType());
			}
			if (body.length > 0 || fuzzCase.declaredLength() >= 0) {
				long length = (fuzzCase.declaredLength() >= 0) ? fuzzCase.declaredLength() : body.length;
				request = request.header("Content-Length", Long.toString(length)).body(body);
				if (length > body.length) {
					request = request.halfClosed();
				}
			}
			return this.api.raw().send(request, fuzzCase.label());
		}
		try {
			return this.api.send(fuzzCase.method(), fuzzCase.target(), fuzzCase.label(), address,
					bearer.isEmpty() ? null : bearer, (request) -> {
						fuzzCase.headers().forEach(request::header);
						if (fuzzCase.body() != null) {
							request.body((fuzzCase.contentType() != null) ? fuzzCase.contentType()
									: "application/octet-stream", fuzzCase.body());
						}
						return request;
					});
		}
		catch (IllegalArgumentException ex) {
			// A target java.net.URI refuses goes out as written, over a socket.
			return sendOnce(artist, new FuzzCase(fuzzCase.label(), fuzzCase.method(), fuzzCase.target(),
					fuzzCase.auth(), fuzzCase.contentType(), fuzzCase.body(), true, fuzzCase.headers(),
					fuzzCase.declaredLength(), fuzzCase.refuse(), fuzzCase.notConflict(), fuzzCase.storesNothing()));
		}
	}

	/**
	 * Creates, through the document's own routes, one of each resource the artist can
	 * own: a {@code POST} to a path that is also a list, with the required fields of its
	 * JSON body (then every field) or with a file for a multipart form.
	 */
	private void createOwnResources(Artist artist, List<Operation> operations) {
		for (Operation create : operations) {
			Operation.Body body = create.body();
			if (!create.method().equals("POST") || body == null || !create.in("path").isEmpty()
					|| list(create.path(), operations) == null) {
				continue;
			}
			Exchange created;
			if (body.multipart()) {
				Multipart form = Multipart.file("chaos.wav", this.wav);
				created = artist.send("POST", create.path(), "create own resource",
						(request) -> request.multipart(form));
			}
			else {
				String required = JSON.writeValueAsString(Schemas.sampleRequired(body.schema()));
				created = artist.send("POST", create.path(), "create own resource",
						(request) -> request.body(body.mediaType(), required));
				if (!created.is2xx()) {
					String full = JSON.writeValueAsString(Schemas.sample(body.schema()));
					created = artist.send("POST", create.path(), "create own resource",
							(request) -> request.body(body.mediaType(), full));
				}
			}
			this.report.check(created);
			System.out.printf("fuzz: %s %s as the fuzzing artist -> %d%n", create.method(), create.path(),
					created.status());
		}
	}

	/**
	 * Waits until the artist's lists stop changing (an upload being processed), so that a
	 * change seen later is a write's.
	 */
	private void settle(Artist artist, List<Operation> operations) {
		List<Operation> lists = operations.stream()
			.filter((operation) -> list(operation.path(), operations) == operation)
			.toList();
		Map<String, String> previous = snapshot(artist, lists);
		long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (System.nanoTime() < deadline) {
			sleep(Duration.ofSeconds(2));
			Map<String, String> now = snapshot(artist, lists);
			if (now.equals(previous) && !now.toString().contains("\"PROCESSING\"")) {
				return;
			}
			previous = now;
		}
	}

	private Map<String, String> ownPathValues(Artist artist, Operation operation, List<Operation> operations) {
		Map<String, String> values = new LinkedHashMap<>();
		for (Operation.Parameter parameter : operation.in("path")) {
			int at = operation.path().indexOf("/{" + parameter.name() + "}");
			if (at < 0) {
				continue;
			}
			Operation list = list(operation.path().substring(0, at), operations);
			if (list == null) {
				continue;
			}
			Exchange listed = artist.get(list.path(), "own resources");
			this.report.check(listed);
			String id = firstId(listed);
			if (id != null) {
				values.put(parameter.name(), id);
			}
		}
		return values;
	}

	private static @Nullable String firstId(Exchange listed) {
		if (listed.status() != 200) {
			return null;
		}
		try {
			JsonNode body = JSON.readTree(listed.body());
			JsonNode items = body.isArray() ? body : body.path("items");
			for (JsonNode item : items) {
				String id = item.path("id").asString("");
				if (!id.isEmpty()) {
					return id;
				}
			}
		}
		catch (JacksonException ex) {
			return null;
		}
		return null;
	}

	private static @Nullable Operation list(String path, List<Operation> operations) {
		for (Operation operation : operations) {
			if (operation.method().equals("GET") && operation.path().equals(path) && operation.in("path").isEmpty()
					&& operation.in("query").stream().noneMatch(Operation.Parameter::required)) {
				return operation;
			}
		}
		return null;
	}

	/**
	 * @return the lists of the operation's own resource (the same first segment after the
	 * version): what a refused write must leave as it was
	 */
	private static List<Operation> relatedLists(Operation operation, List<Operation> operations) {
		String root = root(operation.path());
		List<Operation> lists = new ArrayList<>();
		for (Operation candidate : operations) {
			if (root(candidate.path()).equals(root) && list(candidate.path(), operations) == candidate) {
				lists.add(candidate);
			}
		}
		return lists;
	}

	private static String root(String path) {
		String[] segments = path.split("/");
		return (segments.length > 3) ? segments[3] : path;
	}

	private Map<String, String> snapshot(Artist artist, List<Operation> lists) {
		Map<String, String> state = new LinkedHashMap<>();
		for (Operation list : lists) {
			Exchange listed = artist.get(list.path(), "state before and after");
			this.report.check(listed);
			if (listed.status() != 200) {
				continue;
			}
			try {
				JsonNode body = JSON.readTree(listed.body());
				JsonNode items = body.isArray() ? body : body.path("items");
				if (!items.isMissingNode()) {
					state.put(list.path(), body.path("totalItems").asString("") + JSON.writeValueAsString(items));
				}
			}
			catch (JacksonException ex) {
				// Not a JSON list: nothing to compare.
			}
		}
		return state;
	}

	private void compare(Map<String, String> before, Map<String, String> after, Exchange refused) {
		for (Map.Entry<String, String> list : before.entrySet()) {
			String now = after.get(list.getKey());
			if (now != null && !now.equals(list.getValue())) {
				this.report.violation(new Violation("fuzz", refused.method(), refused.target(), refused.label(),
						refused.status(), "a refused write changed " + list.getKey(),
						now.substring(0, Math.min(160, now.length()))));
			}
		}
	}

	static void sleep(Duration duration) {
		try {
			Thread.sleep(duration);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
