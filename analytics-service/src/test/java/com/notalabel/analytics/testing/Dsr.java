package com.notalabel.analytics.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * A DSR flat file (Basic Audio Profile) as a store writes it, built line by line for a
 * test: summaries (one per territory and currency), then one block per recording with its
 * usages, then the footer with the line count.
 */
public final class Dsr {

	private final String start;

	private final String end;

	private final String sender;

	private final Map<String, Summary> summaries = new LinkedHashMap<>();

	private final List<Block> blocks = new ArrayList<>();

	private Dsr(String start, String end, String sender) {
		this.start = start;
		this.end = end;
		this.sender = sender;
	}

	public static Dsr report(String start, String end, String sender) {
		return new Dsr(start, end, sender);
	}

	/**
	 * Declares a sales context whose revenue is shared among its usages; its total usages
	 * are what the usages added to it sum to.
	 * @param id the summary's id
	 * @param territory ISO country or Worldwide
	 * @param currency ISO 4217
	 * @param netRevenue e.g. {@code 4.20}
	 * @return this file
	 */
	public Dsr summary(String id, String territory, String currency, String netRevenue) {
		this.summaries.put(id, new Summary(id, territory, currency, netRevenue));
		return this;
	}

	/**
	 * Adds a block: one release with one recording and its streams per summary.
	 * @param upc the release's UPC, or empty
	 * @param isrc the recording's ISRC, or empty
	 * @param streamsBySummary streams per summary id
	 * @return this file
	 */
	public Dsr streams(String upc, String isrc, Map<String, Long> streamsBySummary) {
		this.blocks.add(new Block("BL" + (this.blocks.size() + 1), upc, isrc, streamsBySummary));
		streamsBySummary.forEach((summary, streams) -> this.summaries.get(summary).usages += streams);
		return this;
	}

	public List<String> lines() {
		List<String> lines = new ArrayList<>();
		lines.add(String.join("\t", "HEAD", "dsrf/3.0/standard/basic-audio", "BasicAudioProfile", "1.4", "MSG-1",
				"2026-05-15T03:15:00Z", "1", "1", this.start, this.end, "PADPIDA2026051501B", this.sender,
				this.sender.replace(" ", ""), "PADPIDA2021010101A", "Not a Label"));
		for (Summary summary : this.summaries.values()) {
			lines.add(String.join("\t", "SY01.03", summary.id, this.sender, "", "SubscriptionModel", "OnDemandStream",
					summary.territory, "Premium", Long.toString(summary.usages), "", summary.currency,
					summary.netRevenue));
		}
		int transaction = 0;
		for (Block block : this.blocks) {
			lines.add(String.join("\t", "RE01.03", block.id, "1", "REL-" + block.id, "", "", block.upc, "Artist", "",
					"Title"));
			lines.add(String.join("\t", "AS02.04", block.id, "1", "RES-" + block.id, block.isrc, "Title", "", "Artist",
					"", "PT3M", "SoundRecording"));
			for (Map.Entry<String, Long> usage : block.streams.entrySet()) {
				lines.add(String.join("\t", "SU02.03", block.id, usage.getKey(), "TX" + (++transaction), "1", "1",
						"true", Long.toString(usage.getValue()), "", "", "OnDemandStream"));
			}
		}
		lines.add("FOOT\t" + (lines.size() + 1) + "\t" + (lines.size() + 1) + "\t" + this.blocks.size());
		return lines;
	}

	public byte[] bytes() {
		return (String.join("\n", lines()) + "\n").getBytes(StandardCharsets.UTF_8);
	}

	public byte[] gzip() {
		return gzip(bytes());
	}

	public static byte[] gzip(byte[] bytes) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(bytes);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toByteArray();
	}

	private static final class Summary {

		private final String id;

		private final String territory;

		private final String currency;

		private final String netRevenue;

		private long usages;

		Summary(String id, String territory, String currency, String netRevenue) {
			this.id = id;
			this.territory = territory;
			this.currency = currency;
			this.netRevenue = netRevenue;
		}

	}

	private record Block(String id, String upc, String isrc, Map<String, Long> streams) {

	}

}
