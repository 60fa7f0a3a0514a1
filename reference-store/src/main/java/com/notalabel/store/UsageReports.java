package com.notalabel.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The usage reports a store sends the labels it sells for: DDEX DSR flat files of the
 * Basic Audio Profile ({@code HEAD}, {@code SY01.03} summaries per territory and
 * commercial model, a block per release of {@code RE01.03}, {@code AS02.04} per recording
 * and {@code SU02.03} usages, {@code FOOT}), gzip, in the SFTP user's {@code reports/}
 * folder as {@code DSR_<store>_<period>_1.tsv.gz}, followed by the marker
 * {@code DSR_<store>_<period>_1.ctrl} once the report is whole (readers take a report
 * only once its marker is there).
 *
 * <p>
 * The usage is made up, as a reference store has no listeners: plausible streams of each
 * recording of every release the store accepted and has not taken down, in a dozen
 * markets its deals allow, drawn from a generator seeded by the store's seed, the period
 * and the recording, so the same period always reports the same numbers. Each day that
 * ends gets its report (the store's schedule); any period can be asked for on demand.
 */
final class UsageReports {

	static final String FOLDER = "reports";

	private static final Logger logger = LoggerFactory.getLogger(UsageReports.class);

	/** A store catches up this many days at most after being down. */
	private static final int MAX_CATCH_UP_DAYS = 7;

	/** Where the usage of a worldwide release comes from, and its weight. */
	private static final Map<String, Integer> MARKETS = markets();

	/** Per-stream payouts in USD: subscriptions pay more than advertising. */
	private static final List<Model> MODELS = List.of(new Model("SubscriptionModel", "4000"),
			new Model("AdvertisementSupportedModel", "1200"));

	private final StoreSettings settings;

	private final long seed;

	private final Path releases;

	private final Path folder;

	private final Path written;

	UsageReports(StoreSettings settings, long seed) throws IOException {
		this.settings = settings;
		this.seed = seed;
		this.releases = settings.stateDirectory().resolve("releases");
		this.folder = settings.sftpRoot().resolve(FOLDER);
		this.written = settings.stateDirectory().resolve("reports-written-through");
		Files.createDirectories(this.releases);
		Files.createDirectories(this.folder);
	}

	/**
	 * Writes the report of each day that ended since the last one written (a week at
	 * most), for the days on which the store had accepted a release.
	 */
	synchronized void writeDue() throws IOException {
		LocalDate yesterday = LocalDate.ofInstant(this.settings.clock().instant(), ZoneOffset.UTC).minusDays(1);
		LocalDate last = Files.exists(this.written) ? LocalDate.parse(Files.readString(this.written).strip())
				: yesterday.minusDays(1);
		if (!last.isBefore(yesterday)) {
			return;
		}
		List<Release> known = known();
		for (LocalDate day = max(last.plusDays(1), yesterday.minusDays(MAX_CATCH_UP_DAYS - 1)); !day
			.isAfter(yesterday); day = day.plusDays(1)) {
			LocalDate end = day;
			// Nothing sold yet: nothing to report.
			if (known.stream().anyMatch((release) -> !release.acceptedOn().isAfter(end))) {
				write(day, day);
			}
			Files.writeString(this.written, day.toString());
		}
	}

	/**
	 * Writes the report of a period, replacing an earlier report of the same period.
	 * @param from the period's first day
	 * @param to its last day
	 * @return the report, its marker written after it
	 * @throws IOException if it cannot be written
	 */
	synchronized Path write(LocalDate from, LocalDate to) throws IOException {
		if (to.isBefore(from)) {
			throw new IllegalArgumentException("A period ends on or after its first day");
		}
		String period = from.equals(to) ? from.toString() : from + "-to-" + to;
		String base = "DSR_" + this.settings.name().replaceAll("[^A-Za-z0-9]", "") + "_" + period + "_1";
		List<String> lines = lines(from, to);
		byte[] text = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		ByteArrayOutputStream gzip = new ByteArrayOutputStream();
		try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
			out.write(text);
		}
		byte[] report = gzip.toByteArray();
		Path target = this.folder.resolve(base + ".tsv.gz");
		publish(target, report);
		String marker = String.join("\t", target.getFileName().toString(), Integer.toString(lines.size()),
				Integer.toString(report.length), HexFormat.of().formatHex(md5(report))) + "\n";
		publish(this.folder.resolve(base + ".ctrl"), marker.getBytes(StandardCharsets.UTF_8));
		logger.info("{} wrote usage report {} ({} lines)", this.settings.name(), target.getFileName(), lines.size());
		return target;
	}

	private List<String> lines(LocalDate from, LocalDate to) throws IOException {
		List<Release> releases = known().stream().filter((release) -> !release.acceptedOn().isAfter(to)).toList();
		long days = to.toEpochDay() - from.toEpochDay() + 1;
		// Usages per summary (territory and model), per release and recording, drawn first:
		// a summary states its total before its usages are listed.
		Map<String, Summary> summaries = new LinkedHashMap<>();
		List<Block> blocks = new ArrayList<>();
		for (Release release : releases) {
			Block block = new Block("B" + (blocks.size() + 1), release);
			for (String isrc : release.isrcs()) {
				long stream = (this.settings.dpid() + "|" + from + "|" + to + "|" + isrc).hashCode();
				SplittableRandom random = new SplittableRandom(this.seed * 0x9E3779B97F4A7C15L + stream);
				// How popular the recording is: most are heard a little, a few a lot.
				double popularity = Math.exp(random.nextDouble(0, 4));
				Map<String, Long> usages = new LinkedHashMap<>();
				for (Map.Entry<String, Integer> market : MARKETS.entrySet()) {
					if (!release.sellsIn(market.getKey())) {
						continue;
					}
					for (Model model : MODELS) {
						double mean = popularity * market.getValue() * days * ((model == MODELS.getFirst()) ? 1 : 0.6);
						long streams = Math.round(mean * random.nextDouble(0.5, 1.5));
						if (streams > 0) {
							String id = market.getKey() + "-" + model.name();
							summaries.computeIfAbsent(id,
									(key) -> new Summary(key, market.getKey(), model)).usages += streams;
							usages.put(id, streams);
						}
					}
				}
				block.usages.put(isrc, usages);
			}
			blocks.add(block);
		}
		List<String> lines = new ArrayList<>();
		String created = DateTimeFormatter.ISO_INSTANT
			.format(this.settings.clock().instant().truncatedTo(ChronoUnit.SECONDS));
		lines.add(String.join("\t", "HEAD", "dsrf/3.0/standard/basic-audio", "BasicAudioProfile", "1.4",
				"DSR-" + this.settings.dpid() + "-" + from + "-" + to, created, "1", "1", from.toString(),
				to.toString(), this.settings.dpid(), this.settings.name(), "", "", ""));
		for (Summary summary : summaries.values()) {
			BigDecimal revenue = new BigDecimal(summary.model.microsPerStream())
				.multiply(BigDecimal.valueOf(summary.usages))
				.movePointLeft(6)
				.setScale(6);
			lines.add(String.join("\t", "SY01.03", summary.id, this.settings.name(), "", summary.model.name(),
					"OnDemandStream", summary.territory, "Premium", Long.toString(summary.usages), "", "USD",
					revenue.toPlainString()));
		}
		long transaction = 0;
		for (Block block : blocks) {
			lines.add(String.join("\t", "RE01.03", block.id, "R1", block.release.reference(), "", "",
					block.release.icpn(), "", "", block.release.reference()));
			int resource = 0;
			for (Map.Entry<String, Map<String, Long>> recording : block.usages.entrySet()) {
				String reference = "A" + (++resource);
				lines.add(String.join("\t", "AS02.04", block.id, reference, reference, recording.getKey(), "", "", "",
						"", "", "SoundRecording"));
				for (Map.Entry<String, Long> usage : recording.getValue().entrySet()) {
					lines.add(String.join("\t", "SU02.03", block.id, usage.getKey(), "T" + (++transaction), "R1",
							reference, "true", Long.toString(usage.getValue()), "", "", "OnDemandStream"));
				}
			}
		}
		lines.add(String.join("\t", "FOOT", Integer.toString(lines.size() + 1), Integer.toString(lines.size() + 1),
				Integer.toString(blocks.size())));
		return lines;
	}

	/** The releases the store accepted and has not taken down, with their recordings. */
	private List<Release> known() throws IOException {
		List<Release> known = new ArrayList<>();
		try (DirectoryStream<Path> files = Files.newDirectoryStream(this.releases, "*.properties")) {
			for (Path file : files) {
				Properties release = new Properties();
				try (InputStream in = Files.newInputStream(file)) {
					release.load(in);
				}
				String isrcs = release.getProperty("isrcs", "");
				if (Boolean.parseBoolean(release.getProperty("ended")) || isrcs.isBlank()) {
					continue;
				}
				String territories = release.getProperty("territories", "");
				known.add(new Release(release.getProperty("reference"), release.getProperty("icpn", ""),
						List.of(isrcs.split(",")),
						territories.isBlank() ? List.of("Worldwide") : List.of(territories.split(",")),
						LocalDate.parse(release.getProperty("acceptedOn", "2000-01-01"))));
			}
		}
		known.sort((a, b) -> a.reference().compareTo(b.reference()));
		return known;
	}

	private static void publish(Path target, byte[] content) throws IOException {
		Path partial = target.resolveSibling("." + target.getFileName() + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			out.write(content);
		}
		try {
			Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}

	private static byte[] md5(byte[] content) {
		try {
			return MessageDigest.getInstance("MD5").digest(content);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has MD5", ex);
		}
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static Map<String, Integer> markets() {
		Map<String, Integer> markets = new LinkedHashMap<>();
		String[] weights = { "US:40", "GB:14", "DE:12", "BR:10", "MX:8", "FR:8", "JP:6", "CA:6", "AU:5", "SE:4", "NL:4",
				"ES:4" };
		Arrays.stream(weights)
			.forEach((entry) -> markets.put(entry.substring(0, 2), Integer.parseInt(entry.substring(3))));
		return markets;
	}

	private record Model(String name, String microsPerStream) {
	}

	private record Release(String reference, String icpn, List<String> isrcs, List<String> territories,
			LocalDate acceptedOn) {

		boolean sellsIn(String country) {
			return this.territories.contains("Worldwide") || this.territories.contains(country);
		}

	}

	private static final class Summary {

		private final String id;

		private final String territory;

		private final Model model;

		private long usages;

		Summary(String id, String territory, Model model) {
			this.id = id;
			this.territory = territory;
			this.model = model;
		}

	}

	private static final class Block {

		private final String id;

		private final Release release;

		private final Map<String, Map<String, Long>> usages = new LinkedHashMap<>();

		Block(String id, Release release) {
			this.id = id;
			this.release = release;
		}

	}

}
