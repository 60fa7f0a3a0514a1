package com.notalabel.audio.inspection;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * MPEG-4 audio (ISO/IEC 14496-12 and -14, Apple's M4A): a {@code ftyp} box naming an
 * audio-capable brand, and, when the {@code moov} box is in the head (files written with
 * "fast start"), a track whose handler is {@code soun} and none that is video. The tags
 * are iTunes' {@code moov/udta/meta/ilst}. A file whose {@code moov} follows the media
 * data is accepted on its brand alone; the audio engine's decode is then the judge.
 */
final class Mp4 {

	private static final Set<String> AUDIO_BRANDS = Set.of("M4A ", "M4B ", "M4P ", "F4A ", "F4B ", "mp41", "mp42",
			"isom", "iso2", "iso3", "iso4", "iso5", "iso6", "iso7", "iso8", "iso9", "dash", "mp71", "3gp4", "3gp5",
			"3gp6", "3g2a", "MSNV", "NDAS");

	private static final int UTF8 = 1;

	private static final int UTF16 = 2;

	private static final int SIGNED_INTEGER = 21;

	private static final int IMPLICIT = 0;

	private Mp4() {
	}

	static boolean startsAt(Bytes bytes) {
		return bytes.matches(4, "ftyp");
	}

	static void read(Bytes bytes, boolean complete, TagCollector tags) {
		long typeSize = bytes.u32be(0);
		if (typeSize < 16 || typeSize > 4096 || !bytes.has(0, typeSize)) {
			throw new NotAudio("The file starts like MPEG-4 but its type box is damaged.");
		}
		String major = bytes.code(8, 4);
		boolean audioBrand = AUDIO_BRANDS.contains(major);
		for (long brand = 16; brand + 4 <= typeSize && !audioBrand; brand += 4) {
			audioBrand = AUDIO_BRANDS.contains(bytes.code(brand, 4));
		}
		if (!audioBrand) {
			throw new NotAudio("The file is an MPEG-4 or QuickTime file of a kind that is not audio (brand '"
					+ major.strip() + "').");
		}
		Bytes movie = movie(bytes, typeSize, complete);
		if (movie == null) {
			return;
		}
		Set<String> handlers = new HashSet<>();
		boxes(movie, 0, false, (type, content) -> {
			switch (type) {
				case "trak" -> boxes(content, 0, false, (trackChild, media) -> {
					if (trackChild.equals("mdia")) {
						boxes(media, 0, false, (mediaChild, handler) -> {
							if (mediaChild.equals("hdlr") && handler.has(8, 4)) {
								handlers.add(handler.code(8, 4));
							}
						});
					}
				});
				case "udta" -> boxes(content, 0, false, (userChild, meta) -> {
					if (userChild.equals("meta")) {
						meta(meta, tags);
					}
				});
				case "meta" -> meta(content, tags);
				default -> {
					// Movie header, extends, and the like.
				}
			}
		});
		if (!handlers.contains("soun")) {
			throw new NotAudio("The MPEG-4 file has no audio track.");
		}
		if (handlers.contains("vide")) {
			throw new NotAudio("The MPEG-4 file is a video; upload its audio only.");
		}
	}

	/**
	 * The {@code moov} box, if it lies wholly within the head.
	 * @return its content, or {@code null} if the head ends first
	 */
	private static @Nullable Bytes movie(Bytes bytes, long from, boolean complete) {
		long position = from;
		for (int box = 0; box < TagLimits.MAX_STRUCTURES && bytes.has(position, 8); box++) {
			long size = bytes.u32be(position);
			String type = bytes.code(position + 4, 4);
			long header = 8;
			if (size == 1) {
				if (!bytes.has(position, 16)) {
					return null;
				}
				size = bytes.u64be(position + 8);
				header = 16;
			}
			else if (size == 0) {
				// The last box, running to the end of the file.
				if (!complete) {
					return null;
				}
				size = bytes.length() - position;
			}
			if (size < header) {
				throw new NotAudio("The MPEG-4 file's box structure is damaged.");
			}
			if (type.equals("moov")) {
				return bytes.has(position, size) ? bytes.slice(position + header, size - header) : null;
			}
			position += size;
		}
		if (complete) {
			throw new NotAudio("The MPEG-4 file has no movie box.");
		}
		return null;
	}

	/**
	 * {@code meta}: a full box (version and flags first) in MPEG-4, a plain one in
	 * QuickTime.
	 */
	private static void meta(Bytes meta, TagCollector tags) {
		long children = (meta.has(0, 4) && meta.u32be(0) == 0) ? 4 : 0;
		boxes(meta, children, true, (type, content) -> {
			if (type.equals("ilst")) {
				boxes(content, 0, true, (item, value) -> item(item, value, tags));
			}
		});
	}

	private static void item(String item, Bytes content, TagCollector tags) {
		String[] mean = new String[1];
		String[] name = new String[1];
		boxes(content, 0, true, (type, box) -> {
			switch (type) {
				case "mean" -> mean[0] = smallText(box, 4);
				case "name" -> name[0] = smallText(box, 4);
				case "data" -> data(item, mean[0], name[0], box, tags);
				default -> {
					// Nothing else belongs in an item.
				}
			}
		});
	}

	private static void data(String item, @Nullable String mean, @Nullable String name, Bytes data, TagCollector tags) {
		if (!data.has(0, 8)) {
			return;
		}
		int type = (int) (data.u32be(0) & 0xFFFFFF);
		long length = data.length() - 8;
		switch (item) {
			case "\u00A9nam" -> tags.title(text(data, type));
			case "\u00A9ART" -> tags.artist(text(data, type));
			case "\u00A9alb" -> tags.album(text(data, type));
			case "\u00A9day" -> tags.year(text(data, type));
			case "\u00A9gen" -> tags.genre(text(data, type));
			case "gnre" -> {
				if (length >= 2 && (type == IMPLICIT || type == SIGNED_INTEGER)) {
					// iTunes stores the ID3v1 genre number plus one.
					tags.genreNumber(data.u16be(8) - 1);
				}
			}
			case "trkn" -> {
				if (length >= 4) {
					tags.trackNumber(data.u16be(10));
				}
			}
			case "covr" -> tags.picture();
			case "----" -> {
				if ("com.apple.iTunes".equals(mean) && "ISRC".equalsIgnoreCase(name)) {
					tags.isrc(text(data, type));
				}
			}
			default -> {
				// Other items are not kept.
			}
		}
	}

	private static @Nullable String text(Bytes data, int type) {
		long length = data.length() - 8;
		if (length > TagLimits.MAX_TEXT_BYTES) {
			return null;
		}
		return switch (type) {
			case UTF8, IMPLICIT -> data.utf8(8, (int) length);
			case UTF16 -> data.text(8, (int) length, StandardCharsets.UTF_16BE);
			default -> null;
		};
	}

	private static @Nullable String smallText(Bytes box, int skip) {
		long length = box.length() - skip;
		return (length >= 0 && length <= 256) ? box.utf8(skip, (int) length) : null;
	}

	/**
	 * Visits the boxes in a box's content. A box that claims more than its parent holds
	 * is a damaged file, or, within the tags, a hostile one.
	 */
	private static void boxes(Bytes parent, long from, boolean tagBoxes, BoxVisitor visitor) {
		long position = from;
		int count = 0;
		while (parent.has(position, 8)) {
			if (++count > (tagBoxes ? TagLimits.MAX_ENTRIES : TagLimits.MAX_STRUCTURES)) {
				throw tagBoxes
						? HostileTags.malformed("The MPEG-4 file's tags have more than " + TagLimits.MAX_ENTRIES
								+ " items, which no tagger writes.")
						: new NotAudio("The MPEG-4 file has more boxes than any audio file needs.");
			}
			long size = parent.u32be(position);
			String type = parent.code(position + 4, 4);
			long header = 8;
			if (size == 1 && parent.has(position, 16)) {
				size = parent.u64be(position + 8);
				header = 16;
			}
			else if (size == 0) {
				size = parent.length() - position;
			}
			if (size < header || size > parent.length() - position) {
				if (tagBoxes) {
					throw HostileTags.malformed("The MPEG-4 tag box '" + type.strip() + "' claims " + size
							+ " bytes, more than its parent holds.");
				}
				throw new NotAudio("The MPEG-4 file's box structure is damaged.");
			}
			visitor.visit(type, parent.slice(position + header, size - header));
			position += size;
		}
	}

	@FunctionalInterface
	private interface BoxVisitor {

		void visit(String type, Bytes content);

	}

}
