package com.notalabel.audio.inspection;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Ogg (RFC 3533) holding Vorbis or Opus. The first page of a logical stream carries the
 * codec's identification header, and the next packet of that stream its comment header:
 * Vorbis comments behind {@code \u0003vorbis} or {@code OpusTags} (RFC 7845).
 */
final class Ogg {

	private static final int BEGINNING_OF_STREAM = 0x02;

	private static final int CONTINUED_PACKET = 0x01;

	private static final int PAGE_HEADER = 27;

	private Ogg() {
	}

	static boolean startsAt(Bytes bytes, long position) {
		return bytes.matches(position, "OggS");
	}

	static AudioFormat read(Bytes bytes, TagCollector tags) {
		AudioFormat format;
		long serial;
		long next;
		try {
			if (bytes.u8(4) != 0 || (bytes.u8(5) & BEGINNING_OF_STREAM) == 0) {
				throw new NotAudio("The file starts like Ogg but its first page is damaged.");
			}
			serial = bytes.u32le(14);
			int segments = bytes.u8(26);
			long data = PAGE_HEADER + segments;
			if (bytes.matches(data, "\u0001vorbis")) {
				format = AudioFormat.OGG;
			}
			else if (bytes.matches(data, "OpusHead")) {
				format = AudioFormat.OPUS;
			}
			else {
				throw new NotAudio(
						"The file is an Ogg file, but not Vorbis or Opus audio (Ogg FLAC, Speex and video are not accepted).");
			}
			next = data + pageDataLength(bytes, 0);
		}
		catch (Truncated ex) {
			throw new NotAudio("The file starts like Ogg but ends within its first page.");
		}
		try {
			Bytes packet = secondPacket(bytes, next, serial);
			if (format == AudioFormat.OGG && packet.matches(0, "\u0003vorbis")) {
				VorbisComments.read(packet.slice(7, packet.length() - 7), tags);
			}
			else if (format == AudioFormat.OPUS && packet.matches(0, "OpusTags")) {
				VorbisComments.read(packet.slice(8, packet.length() - 8), tags);
			}
		}
		catch (Truncated ex) {
			// The comment header goes on past the head: no tags.
		}
		return format;
	}

	private static long pageDataLength(Bytes bytes, long page) {
		int segments = bytes.u8(page + 26);
		long length = 0;
		for (int i = 0; i < segments; i++) {
			length += bytes.u8(page + PAGE_HEADER + i);
		}
		return length;
	}

	/**
	 * The stream's second packet, which starts a page of its own, as a view over the page
	 * bodies it spans (no copy).
	 */
	private static Bytes secondPacket(Bytes bytes, long start, long serial) {
		List<long[]> spans = new ArrayList<>();
		long page = start;
		boolean started = false;
		for (int pages = 0; pages < TagLimits.MAX_STRUCTURES; pages++) {
			if (!bytes.matches(page, "OggS")) {
				throw Truncated.INSTANCE;
			}
			int segments = bytes.u8(page + 26);
			long data = page + PAGE_HEADER + segments;
			if (bytes.u32le(page + 14) == serial && (started || (bytes.u8(page + 5) & CONTINUED_PACKET) == 0)) {
				started = true;
				long length = 0;
				boolean ended = false;
				for (int i = 0; i < segments; i++) {
					int lacing = bytes.u8(page + PAGE_HEADER + i);
					length += lacing;
					if (lacing < 255) {
						ended = true;
						break;
					}
				}
				bytes.require(data, length);
				spans.add(new long[] { data, length });
				if (ended) {
					return new Spans(bytes, spans);
				}
			}
			page = data + pageDataLength(bytes, page);
		}
		throw Truncated.INSTANCE;
	}

	/**
	 * Several ranges of the same bytes, read as one.
	 */
	private static final class Spans implements Bytes {

		private final Bytes source;

		private final long[] starts;

		/** Where each span begins in the packet, plus the packet's length at the end. */
		private final long[] offsets;

		Spans(Bytes source, List<long[]> spans) {
			this.source = source;
			this.starts = new long[spans.size()];
			this.offsets = new long[spans.size() + 1];
			for (int i = 0; i < spans.size(); i++) {
				this.starts[i] = spans.get(i)[0];
				this.offsets[i + 1] = this.offsets[i] + spans.get(i)[1];
			}
		}

		@Override
		public long length() {
			return this.offsets[this.offsets.length - 1];
		}

		@Override
		public int u8(long position) {
			if (position < 0 || position >= length()) {
				throw Truncated.INSTANCE;
			}
			int found = Arrays.binarySearch(this.offsets, position);
			// An exact hit is a span's first byte; otherwise the span before the insertion
			// point. Empty spans share an offset with the next, which binarySearch may pick.
			int span = (found >= 0) ? found : -found - 2;
			while (this.offsets[span + 1] <= position) {
				span++;
			}
			return this.source.u8(this.starts[span] + position - this.offsets[span]);
		}

	}

}
