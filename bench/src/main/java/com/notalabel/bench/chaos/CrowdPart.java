package com.notalabel.bench.chaos;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

import tools.jackson.databind.json.JsonMapper;

import com.notalabel.test.http.Multipart;

/**
 * The crowds of issue 13, through the gateway: many people signing in at the same moment,
 * several sign-ins to one account at once, uploads that stop sending while other artists
 * upload, and an upload whose body is shorter than its {@code Content-Length}.
 */
final class CrowdPart {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Api api;

	private final Report report;

	private final Writes writes;

	private final Sizes sizes;

	/**
	 * @param logins accounts signing in at the same moment
	 * @param oneAccount sign-ins to one account at the same moment
	 * @param stalled uploads that stop sending
	 * @param uploaders artists uploading meanwhile
	 * @param stallWait how long a stalled upload may wait for its 408
	 */
	record Sizes(int logins, int oneAccount, int stalled, int uploaders, Duration stallWait) {

	}

	CrowdPart(Api api, Report report, Sizes sizes) {
		this.api = api;
		this.report = report;
		this.sizes = sizes;
		this.writes = new Writes(api);
	}

	void run() throws Exception {
		List<Artist> accounts = registerAccounts();
		if (accounts.size() < Math.max(this.sizes.uploaders() + this.sizes.stalled(), 1)) {
			return;
		}
		simultaneousLogins(accounts);
		loginsToOneAccount(accounts.get(0));
		stalledUploads(accounts);
		truncatedUpload(accounts.get(accounts.size() - 1));
		for (Writes.Accepted track : List.copyOf(this.writes.tracks)) {
			Exchange read = track.owner().get(track.path(), "read an accepted upload");
			this.report.check(read);
			if (read.status() != 200) {
				this.report.writeLost(track.path(), read.status() + " " + read.excerpt());
			}
		}
	}

	private List<Artist> registerAccounts() throws Exception {
		List<Artist> accounts = Collections.synchronizedList(new ArrayList<>());
		long start = System.nanoTime();
		try (ExecutorService registering = Executors.newFixedThreadPool(8)) {
			List<Future<?>> running = new ArrayList<>();
			for (int i = 0; i < this.sizes.logins(); i++) {
				running.add(registering.submit(() -> {
					Artist artist = Artist.register(this.api, "crowd", this.report);
					if (artist != null) {
						accounts.add(artist);
					}
				}));
			}
			for (Future<?> registration : running) {
				registration.get();
			}
		}
		System.out.printf("crowds: %d of %d accounts registered in %.1f s%n", accounts.size(), this.sizes.logins(),
				(System.nanoTime() - start) / 1e9);
		if (accounts.size() < this.sizes.logins()) {
			this.report.violation(new Violation("crowds", "POST", "/api/v1/auth/register", "crowd accounts", 0,
					"only " + accounts.size() + " of " + this.sizes.logins() + " registrations accepted", ""));
		}
		return accounts;
	}

	private void simultaneousLogins(List<Artist> accounts) throws Exception {
		List<Exchange> answers = together(accounts.size(),
				(i) -> accounts.get(i).signInOverSocket(Api.newAddress(), this.report, "simultaneous sign-in"));
		long wall = answers.stream().mapToLong(Exchange::millis).max().orElse(0);
		List<Long> latencies = answers.stream().map(Exchange::millis).sorted().toList();
		this.report.note(String.format(Locale.ROOT,
				"crowds: %d simultaneous sign-ins of distinct accounts: %s; %.1f sign-ins/s, p50 %d ms, p99 %d ms",
				answers.size(), statuses(answers), answers.size() * 1000.0 / Math.max(wall, 1),
				percentile(latencies, 50), percentile(latencies, 99)));
		answers.stream()
			.filter((answer) -> answer.status() != 200)
			.forEach((answer) -> this.report.violation(answer, "a sign-in of the crowd failed"));
	}

	private void loginsToOneAccount(Artist account) throws Exception {
		String address = Api.newAddress();
		List<Exchange> answers = together(this.sizes.oneAccount(),
				(i) -> account.signInOverSocket(address, this.report, "simultaneous sign-in to one account"));
		this.report.note("crowds: " + answers.size() + " simultaneous sign-ins to one account: " + statuses(answers));
		answers.stream()
			.filter((answer) -> answer.status() != 200 && answer.status() != 429)
			.forEach((answer) -> this.report.violation(answer, "neither signed in nor throttled"));
	}

	private void stalledUploads(List<Artist> accounts) throws Exception {
		byte[] wav = Wav.unique(2);
		AtomicBoolean stalling = new AtomicBoolean(true);
		List<Exchange> stalledAnswers = Collections.synchronizedList(new ArrayList<>());
		List<Exchange> otherAnswers = Collections.synchronizedList(new ArrayList<>());
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> stalled = new ArrayList<>();
			for (int i = 0; i < this.sizes.stalled(); i++) {
				Artist artist = accounts.get(this.sizes.uploaders() + i);
				stalled.add(clients.submit(() -> stalledAnswers.add(stall(artist, wav))));
			}
			List<Future<?>> uploaders = new ArrayList<>();
			for (int i = 0; i < this.sizes.uploaders(); i++) {
				Artist artist = accounts.get(i);
				uploaders.add(clients.submit(() -> {
					while (stalling.get()) {
						Exchange uploaded = this.writes.upload(artist);
						this.report.check(uploaded);
						otherAnswers.add(uploaded);
						if (uploaded.status() != 202) {
							this.report.violation(uploaded, "an upload beside stalled ones was not accepted");
						}
						FuzzPart.sleep(Duration.ofSeconds(4));
					}
				}));
			}
			for (Future<?> one : stalled) {
				one.get();
			}
			stalling.set(false);
			for (Future<?> one : uploaders) {
				one.get();
			}
		}
		for (Exchange answer : stalledAnswers) {
			this.report.check(answer);
			if (answer.status() != 408) {
				this.report.violation(answer, "a stalled upload was not answered 408");
			}
		}
		this.report.note("crowds: " + stalledAnswers.size() + " stalled uploads: " + statuses(stalledAnswers) + "; "
				+ otherAnswers.size() + " uploads beside them: " + statuses(otherAnswers));
	}

	private Exchange stall(Artist artist, byte[] wav) {
		Multipart form = Multipart.file("stalled.wav", wav);
		byte[] whole = bytes(form);
		RawHttp.Request request = RawHttp.Request.of("POST", "/api/v1/tracks")
			.header("X-Forwarded-For", artist.address())
			.header("Authorization", "Bearer " + artist.token())
			.header("Content-Type", form.contentType())
			.header("Content-Length", Integer.toString(whole.length))
			.body(java.util.Arrays.copyOf(whole, whole.length / 3))
			.stalled(this.sizes.stallWait());
		return this.api.raw().send(request, "stalled upload");
	}

	private void truncatedUpload(Artist artist) {
		Exchange before = artist.get("/api/v1/tracks", "tracks before a truncated upload");
		this.report.check(before);
		Multipart form = Multipart.file("truncated.wav", Wav.unique(2));
		byte[] whole = bytes(form);
		RawHttp.Request request = RawHttp.Request.of("POST", "/api/v1/tracks")
			.header("X-Forwarded-For", artist.address())
			.header("Authorization", "Bearer " + artist.token())
			.header("Content-Type", form.contentType())
			.header("Content-Length", Integer.toString(whole.length + 50_000))
			.body(whole)
			.halfClosed();
		Exchange truncated = this.api.raw().send(request, "Content-Length larger than the body");
		this.report.check(truncated);
		if (truncated.status() != 400) {
			this.report.violation(truncated, "a truncated upload was not answered 400");
		}
		Exchange after = artist.get("/api/v1/tracks", "tracks after a truncated upload");
		this.report.check(after);
		long countBefore = JSON.readTree(before.body()).path("totalItems").asLong(-1);
		long countAfter = JSON.readTree(after.body()).path("totalItems").asLong(-2);
		if (countBefore != countAfter) {
			this.report.violation(truncated,
					"a truncated upload stored a track (" + countBefore + " -> " + countAfter + ")");
		}
		this.report.note("crowds: a truncated upload answered " + truncated.status() + ", tracks " + countBefore
				+ " -> " + countAfter);
	}

	private static List<Exchange> together(int count, java.util.function.IntFunction<Exchange> request)
			throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Exchange>> running = new ArrayList<>();
		try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < count; i++) {
				int index = i;
				running.add(clients.submit(() -> {
					start.await();
					return request.apply(index);
				}));
			}
			start.countDown();
			List<Exchange> answers = new ArrayList<>();
			for (Future<Exchange> answer : running) {
				answers.add(answer.get());
			}
			return answers;
		}
	}

	private static String statuses(List<Exchange> answers) {
		Map<Integer, Integer> counts = new TreeMap<>();
		answers.forEach((answer) -> counts.merge(answer.status(), 1, Integer::sum));
		return counts.toString().replace("-1=", "no answer=");
	}

	private static long percentile(List<Long> sorted, int percent) {
		if (sorted.isEmpty()) {
			return 0;
		}
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percent / 100.0 * sorted.size()) - 1));
	}

	private static byte[] bytes(Multipart form) {
		try {
			return form.stream().readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
