package com.notalabel.bench.chaos;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.notalabel.bench.support.Figures;
import com.notalabel.bench.support.Settings;

/**
 * The chaos-and-fuzz suite (issue 13) against the running platform: {@code ./platform up}
 * first, then bench/chaos/run.sh. Three parts, each optional (CHAOS_PARTS):
 * <ul>
 * <li>fuzz: {@link FuzzPart}, the bad-input matrix to every operation of every OpenAPI
 * document the gateway lists;</li>
 * <li>crowds: {@link CrowdPart}, simultaneous sign-ins, stalled and truncated
 * uploads;</li>
 * <li>faults: {@link FaultPart}, {@code kill -9} of every process the supervisor runs
 * under write traffic.</li>
 * </ul>
 * It prints a line per step, then a markdown table per part and in total, written also to
 * {@code <target>/results.md}, and exits 1 when any rule was broken.
 */
public final class ChaosSuite {

	private ChaosSuite() {
	}

	public static void main(String[] args) throws Exception {
		Path root = Path.of(args[0]).toAbsolutePath();
		Path target = Path.of(args[1]);
		URI gateway = URI.create(Settings.text("CHAOS_GATEWAY", "http://127.0.0.1:3001"));
		List<String> parts = Arrays.asList(Settings.text("CHAOS_PARTS", "fuzz,crowds,faults").split(","));
		Api api = new Api(gateway);
		Exchange ready = api.send("GET", "/readyz", "is the platform up", Api.newAddress(), null);
		if (ready.status() != 200) {
			System.err.println("Nothing ready answers at " + gateway + " (" + ready.excerpt()
					+ "): start the platform with ./platform up first.");
			System.exit(2);
		}
		PlatformProcesses platform = new PlatformProcesses(root);
		if (parts.contains("faults") && !platform.exists()) {
			System.err.println("No " + root.resolve(".platform/state.json")
					+ ": the faults part kills what ./platform up started; run it from the repository root.");
			System.exit(2);
		}
		Instant started = Instant.now();
		System.out.printf("chaos: against %s, parts %s, load %s%n", gateway, parts, Figures.loadAverage());
		List<Report> reports = new ArrayList<>();
		if (parts.contains("fuzz")) {
			Report fuzz = new Report("fuzz");
			reports.add(fuzz);
			guarded(fuzz, () -> new FuzzPart(api, fuzz, Settings.number("CHAOS_FUZZ_PARALLEL", 3)).run());
		}
		if (parts.contains("crowds")) {
			Report crowds = new Report("crowds");
			reports.add(crowds);
			CrowdPart.Sizes sizes = new CrowdPart.Sizes(Settings.number("CHAOS_LOGINS", 200),
					Settings.number("CHAOS_ONE_ACCOUNT", 8), Settings.number("CHAOS_STALLED", 4),
					Settings.number("CHAOS_UPLOADERS", 4),
					Duration.ofSeconds(Settings.number("CHAOS_STALL_WAIT_SECONDS", 120)));
			guarded(crowds, () -> new CrowdPart(api, crowds, sizes).run());
		}
		if (parts.contains("faults")) {
			Report faults = new Report("faults");
			reports.add(faults);
			String redis = "redis://" + platform.endpoint("redis").orElse("127.0.0.1:6379");
			String mail = platform.url("mail catcher").orElse("http://127.0.0.1:8025");
			String stream = Settings.text("CHAOS_REDIS_PREFIX", "") + "nal:events:music-service";
			List<String> only = Arrays.stream(Settings.text("CHAOS_KILL", "").split(","))
				.filter((name) -> !name.isBlank())
				.toList();
			FaultPart.Timing timing = new FaultPart.Timing(Settings.number("CHAOS_WRITERS", 3),
					Duration.ofSeconds(Settings.number("CHAOS_LEAD_SECONDS", 4)),
					Duration.ofSeconds(Settings.number("CHAOS_RESTART_SECONDS", 180)),
					Duration.ofSeconds(Settings.number("CHAOS_SETTLE_SECONDS", 12)),
					Duration.ofSeconds(Settings.number("CHAOS_TAIL_SECONDS", 5)),
					Duration.ofSeconds(Settings.number("CHAOS_SETTLED_SECONDS", 240)));
			guarded(faults, () -> {
				try (EventLog events = new EventLog(redis)) {
					new FaultPart(api, faults, platform, new Mailbox(mail), events, stream, timing).run(only);
				}
			});
		}
		String results = results(reports, gateway, started);
		System.out.println();
		System.out.println(results);
		Files.createDirectories(target);
		Files.writeString(target.resolve("results.md"), results);
		boolean broken = reports.stream().anyMatch((report) -> !report.violations().isEmpty());
		System.exit(broken ? 1 : 0);
	}

	/**
	 * A part that fails on its own (a bug of the suite, the platform gone) is a violation
	 * in its report, and the other parts still run.
	 */
	private static void guarded(Report report, Part part) {
		try {
			part.run();
		}
		catch (Exception ex) {
			ex.printStackTrace();
			report.violation(new Violation(report.part(), "-", "-", "the part itself", 0, "stopped by an exception",
					ex.toString()));
		}
	}

	private interface Part {

		void run() throws Exception;

	}

	private static String results(List<Report> reports, URI gateway, Instant started) throws IOException {
		StringBuilder text = new StringBuilder();
		Duration took = Duration.between(started, Instant.now());
		text.append("Chaos and fuzz suite against ")
			.append(gateway)
			.append(", ")
			.append(started.truncatedTo(ChronoUnit.SECONDS))
			.append(", ")
			.append(took.toSeconds())
			.append(" s, ")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" CPUs, load ")
			.append(Figures.loadAverage())
			.append("\n\n");
		text.append("| part | requests sent | faults injected | 5xx seen | writes lost | events applied twice | "
				+ "violations |\n");
		text.append("|---|---:|---:|---:|---:|---:|---:|\n");
		for (Report report : reports) {
			text.append(report.row()).append('\n');
		}
		text.append(Report.totalRow(reports)).append("\n\n");
		for (Report report : reports) {
			text.append("- ").append(report.part()).append(" statuses: ").append(report.statuses());
			if (report.toleratedErrors() > 0) {
				text.append(" (")
					.append(report.toleratedErrors())
					.append(" of them 502/503 from the gateway while a killed process was down, as wanted)");
			}
			text.append('\n');
			for (String note : report.notes()) {
				text.append("- ").append(note).append('\n');
			}
		}
		List<Violation> violations = reports.stream().flatMap((report) -> report.violations().stream()).toList();
		if (!violations.isEmpty()) {
			text.append("\n| part | method | path | case | status | rule | body |\n|---|---|---|---|---:|---|---|\n");
			for (Violation violation : violations) {
				text.append("| ")
					.append(String.join(" | ", violation.part(), violation.method(),
							"`" + Report.abbreviate(violation.target()).replace("|", "\\|") + "`",
							violation.label().replace("|", "\\|"), Integer.toString(violation.status()),
							violation.rule().replace("|", "\\|"), violation.excerpt().replace("|", "\\|")))
					.append(" |\n");
			}
		}
		return text.toString();
	}

}
