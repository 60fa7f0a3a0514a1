package com.notalabel.analytics.report;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.notalabel.analytics.testing.Dsr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ReportParserTests {

	private static final String DISTROKID_HEADER = String.join("\t", "Reporting Date", "Sale Month", "Store", "Artist",
			"Title", "ISRC", "UPC", "Quantity", "Team Percentage", "Song/Album", "Country of Sale",
			"Songwriter Royalties Withheld", "Earnings (USD)");

	@Test
	void readsEachUsageWithItsSummarysTerritoryCurrencyAndShareOfRevenue() throws IOException {
		Dsr dsr = Dsr.report("2026-04", "2026-04", "Spotify AB")
			.summary("S1", "US", "USD", "10.00")
			.summary("S2", "DE", "EUR", "3.000000")
			.streams("036000291452", "GBAYE2600001", ordered("S1", 600L, "S2", 100L))
			.streams("", "GB-AYE-26-00002", ordered("S1", 400L));

		Read read = parse(dsr.bytes());

		assertThat(read.summary().format()).isEqualTo("dsr");
		assertThat(read.summary().usageLines()).isEqualTo(3);
		assertThat(read.summary().periodStart()).isEqualTo(LocalDate.parse("2026-04-01"));
		assertThat(read.summary().periodEnd()).isEqualTo(LocalDate.parse("2026-04-30"));
		assertThat(read.lines())
			.extracting(UsageLine::isrc, UsageLine::upc, UsageLine::country, UsageLine::currency, UsageLine::units,
					UsageLine::revenueMicros, UsageLine::store)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple("GBAYE2600001", "036000291452", "US", "USD", 600L, 6_000_000L,
							"Spotify AB"),
					org.assertj.core.groups.Tuple.tuple("GBAYE2600001", "036000291452", "DE", "EUR", 100L, 3_000_000L,
							"Spotify AB"),
					org.assertj.core.groups.Tuple.tuple("GB-AYE-26-00002", null, "US", "USD", 400L, 4_000_000L,
							"Spotify AB"));
	}

	@Test
	void sharesASummarysRevenueInMillionthsThatAddUpExactly() throws IOException {
		Dsr dsr = Dsr.report("2026-04-01", "2026-04-01", "Deezer")
			.summary("S1", "Worldwide", "USD", "1.00")
			.streams("", "GBAYE2600001", ordered("S1", 1L))
			.streams("", "GBAYE2600002", ordered("S1", 1L))
			.streams("", "GBAYE2600003", ordered("S1", 1L));

		List<UsageLine> lines = parse(dsr.bytes()).lines();

		assertThat(lines).extracting(UsageLine::revenueMicros).containsExactly(333_333L, 333_333L, 333_334L);
		assertThat(lines).extracting(UsageLine::country).containsOnly("ZZ");
		assertThat(lines.get(0).usageDate()).isEqualTo(lines.get(0).periodEnd());
	}

	@Test
	void readsAGzippedFile() throws IOException {
		Dsr dsr = Dsr.report("2026-04", "2026-04", "Spotify AB")
			.summary("S1", "US", "USD", "1.00")
			.streams("", "GBAYE2600001", ordered("S1", 10L));

		assertThat(parse(dsr.gzip()).lines()).hasSize(1);
	}

	@Test
	void takesTheStoreFromTheConfigurationWhenOneIsGiven() throws IOException {
		Dsr dsr = Dsr.report("2026-04", "2026-04", "Spotify AB")
			.summary("S1", "US", "USD", "1.00")
			.streams("", "GBAYE2600001", ordered("S1", 10L));
		List<UsageLine> lines = new ArrayList<>();

		ReportParser.parse(raw(dsr.bytes()), "spotify", lines::add);

		assertThat(lines).extracting(UsageLine::store).containsOnly("spotify");
	}

	@Test
	void readsADistributorExportByItsHeaderNames() throws IOException {
		String export = DISTROKID_HEADER + "\n"
				+ "2026-05-03\t2026-03\tSpotify\tAda\tNight Drive\tGBAYE2600001\t036000291452\t1200\t100%\tSong\tUS"
				+ "\t0\t3.127659574\n"
				+ "2026-05-03\t2026-03\tApple Music\tAda\tNight Drive\t\t036000291452\t3\t100%\tAlbum\tGB\t0\t0.5\n";

		Read read = parse(export.getBytes(StandardCharsets.UTF_8));

		assertThat(read.summary().format()).isEqualTo("distributor");
		assertThat(read.lines())
			.extracting(UsageLine::line, UsageLine::isrc, UsageLine::store, UsageLine::country, UsageLine::units,
					UsageLine::currency, UsageLine::revenueMicros, UsageLine::usageDate)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(2L, "GBAYE2600001", "Spotify", "US", 1200L, "USD", 3_127_660L,
							LocalDate.parse("2026-03-01")),
					org.assertj.core.groups.Tuple.tuple(3L, null, "Apple Music", "GB", 3L, "USD", 500_000L,
							LocalDate.parse("2026-03-01")));
	}

	@Test
	void readsAQuotedCommaSeparatedExportInIso88591WithColumnsInAnyOrder() throws IOException {
		String export = "Store,Earnings (EUR),Quantity,ISRC,Sale Month,Title\n"
				+ "\"Deezer, Inc.\",0.25,4,GBAYE2600001,2026-02,\"Caf\u00e9, \"\"live\"\"\"\n";

		Read read = parse(export.getBytes(StandardCharsets.ISO_8859_1));

		assertThat(read.lines()).singleElement().satisfies((line) -> {
			assertThat(line.store()).isEqualTo("Deezer, Inc.");
			assertThat(line.currency()).isEqualTo("EUR");
			assertThat(line.units()).isEqualTo(4);
			assertThat(line.country()).isEqualTo("ZZ");
		});
	}

	@Nested
	class Refuses {

		@Test
		void aDsrFileCutShortBeforeItsFooter() {
			List<String> lines = new ArrayList<>(validDsr().lines());
			lines.remove(lines.size() - 1);

			assertRefused(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), lines.size() + 1, "cut short");
		}

		@Test
		void aFooterThatCountsOtherLinesThanTheFileHas() {
			List<String> lines = new ArrayList<>(validDsr().lines());
			lines.remove(lines.size() - 2);

			assertRefused(join(lines), lines.size(), "lines are missing");
		}

		@Test
		void aUsageOfAnUndeclaredSummary() {
			List<String> lines = new ArrayList<>(validDsr().lines());
			int usage = indexOf(lines, "SU02.03");
			lines.set(usage, lines.get(usage).replace("\tS1\t", "\tS9\t"));

			assertRefused(join(lines), usage + 1, "summary S9");
		}

		@Test
		void aSummaryWhoseUsagesDoNotAddUpToItsTotal() {
			List<String> lines = new ArrayList<>(validDsr().lines());
			int summary = indexOf(lines, "SY01.03");
			String[] cells = lines.get(summary).split("\t", -1);
			cells[8] = "999";
			lines.set(summary, String.join("\t", cells));

			assertRefused(join(lines), summary + 1, "declares 999 usages");
		}

		@Test
		void aStreamCountThatIsNotANumber() {
			List<String> lines = new ArrayList<>(validDsr().lines());
			int usage = indexOf(lines, "SU02.03");
			String[] cells = lines.get(usage).split("\t", -1);
			cells[7] = "12x";
			lines.set(usage, String.join("\t", cells));

			assertRefused(join(lines), usage + 1, "NumberOfStreams '12x'");
		}

		@Test
		void anUnknownRecordType() {
			List<String> lines = new ArrayList<>(validDsr().lines());
			lines.add(2, "ZZ99\tx");

			assertRefused(join(lines), 3, "unknown record type ZZ99");
		}

		@Test
		void textThatIsNotUtf8() {
			List<String> lines = new ArrayList<>(validDsr().lines());
			byte[] before = join(lines.subList(0, 3));
			byte[] broken = { (byte) 0xC3, (byte) 0x28, '\n' };
			byte[] after = join(lines.subList(3, lines.size()));
			byte[] file = new byte[before.length + broken.length + after.length];
			System.arraycopy(before, 0, file, 0, before.length);
			System.arraycopy(broken, 0, file, before.length, broken.length);
			System.arraycopy(after, 0, file, before.length + broken.length, after.length);

			assertRefused(file, 4, "not UTF-8");
		}

		@Test
		void aGzipStreamCutShort() {
			byte[] gzip = validDsr().gzip();

			assertRefused(Arrays.copyOf(gzip, gzip.length - 12), 1, "gzip");
		}

		@Test
		void aFileOfNeitherFormat() {
			assertRefused("hello\tworld\n".getBytes(StandardCharsets.UTF_8), 1, "neither a DSR file");
		}

		@Test
		void anExportWithoutAnEarningsColumn() {
			assertRefused("Sale Month\tStore\tQuantity\n2026-01\tSpotify\t3\n".getBytes(StandardCharsets.UTF_8), 1,
					"Earnings");
		}

		@Test
		void anExportRowWithAQuantityThatIsNotANumber() {
			String export = DISTROKID_HEADER + "\n"
					+ "2026-05-03\t2026-03\tSpotify\tAda\tT\tGBAYE2600001\t\t12\t100%\tSong\tUS\t0\t0.1\n"
					+ "2026-05-03\t2026-03\tSpotify\tAda\tT\tGBAYE2600001\t\tmany\t100%\tSong\tUS\t0\t0.1\n";

			assertRefused(export.getBytes(StandardCharsets.UTF_8), 3, "quantity 'many'");
		}

		private void assertRefused(byte[] file, long line, String reason) {
			assertThatExceptionOfType(MalformedReport.class).isThrownBy(() -> parse(file)).satisfies((ex) -> {
				assertThat(ex.line()).isEqualTo(line);
				assertThat(ex.reason()).contains(reason);
			});
		}

		private static int indexOf(List<String> lines, String prefix) {
			for (int i = 0; i < lines.size(); i++) {
				if (lines.get(i).startsWith(prefix)) {
					return i;
				}
			}
			throw new IllegalArgumentException(prefix);
		}

		private static byte[] join(List<String> lines) {
			return (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
		}

	}

	static Dsr validDsr() {
		return Dsr.report("2026-04", "2026-04", "Spotify AB")
			.summary("S1", "US", "USD", "10.00")
			.streams("", "GBAYE2600001", ordered("S1", 600L))
			.streams("", "GBAYE2600002", ordered("S1", 400L));
	}

	private static Read parse(byte[] file) throws IOException {
		List<UsageLine> lines = new ArrayList<>();
		ReadSummary summary = ReportParser.parse(raw(file), null, lines::add);
		return new Read(summary, lines);
	}

	private static RawReport raw(byte[] file) {
		return new RawReport(new ByteArrayInputStream(file), 1 << 30);
	}

	private static Map<String, Long> ordered(Object... pairs) {
		Map<String, Long> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put((String) pairs[i], (Long) pairs[i + 1]);
		}
		return map;
	}

	private record Read(ReadSummary summary, List<UsageLine> lines) {

	}

}
