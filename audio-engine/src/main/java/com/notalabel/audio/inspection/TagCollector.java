package com.notalabel.audio.inspection;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Gathers tag values while a file's tags are read: the first value found for a field wins
 * (a WAV file may carry both an INFO list and an ID3 chunk), and every value is cleaned
 * and capped on the way in.
 */
final class TagCollector {

	private static final Pattern GENRE_REFERENCE = Pattern.compile("^\\((\\d{1,3})\\)(.*)$");

	private static final Pattern FOUR_DIGITS = Pattern.compile("(?<!\\d)(\\d{4})(?!\\d)");

	private static final Pattern LEADING_NUMBER = Pattern.compile("^\\s*(\\d{1,4})");

	/**
	 * ID3v1 genres and Winamp's extensions, by number, as ID3v2 and iTunes refer to them.
	 */
	private static final List<String> ID3V1_GENRES = List.of("Blues", "Classic Rock", "Country", "Dance", "Disco",
			"Funk", "Grunge", "Hip-Hop", "Jazz", "Metal", "New Age", "Oldies", "Other", "Pop", "R&B", "Rap", "Reggae",
			"Rock", "Techno", "Industrial", "Alternative", "Ska", "Death Metal", "Pranks", "Soundtrack", "Euro-Techno",
			"Ambient", "Trip-Hop", "Vocal", "Jazz+Funk", "Fusion", "Trance", "Classical", "Instrumental", "Acid",
			"House", "Game", "Sound Clip", "Gospel", "Noise", "Alternative Rock", "Bass", "Soul", "Punk", "Space",
			"Meditative", "Instrumental Pop", "Instrumental Rock", "Ethnic", "Gothic", "Darkwave", "Techno-Industrial",
			"Electronic", "Pop-Folk", "Eurodance", "Dream", "Southern Rock", "Comedy", "Cult", "Gangsta", "Top 40",
			"Christian Rap", "Pop/Funk", "Jungle", "Native American", "Cabaret", "New Wave", "Psychedelic", "Rave",
			"Showtunes", "Trailer", "Lo-Fi", "Tribal", "Acid Punk", "Acid Jazz", "Polka", "Retro", "Musical",
			"Rock & Roll", "Hard Rock", "Folk", "Folk-Rock", "National Folk", "Swing", "Fast Fusion", "Bebop", "Latin",
			"Revival", "Celtic", "Bluegrass", "Avantgarde", "Gothic Rock", "Progressive Rock", "Psychedelic Rock",
			"Symphonic Rock", "Slow Rock", "Big Band", "Chorus", "Easy Listening", "Acoustic", "Humour", "Speech",
			"Chanson", "Opera", "Chamber Music", "Sonata", "Symphony", "Booty Bass", "Primus", "Porn Groove", "Satire",
			"Slow Jam", "Club", "Tango", "Samba", "Folklore", "Ballad", "Power Ballad", "Rhythmic Soul", "Freestyle",
			"Duet", "Punk Rock", "Drum Solo", "A Cappella", "Euro-House", "Dance Hall");

	private @Nullable String title;

	private @Nullable String artist;

	private @Nullable String album;

	private @Nullable String isrc;

	private @Nullable Integer year;

	private @Nullable String genre;

	private @Nullable Integer trackNumber;

	private boolean picture;

	void title(@Nullable String value) {
		if (this.title == null) {
			this.title = clean(value);
		}
	}

	void artist(@Nullable String value) {
		if (this.artist == null) {
			this.artist = clean(value);
		}
	}

	void album(@Nullable String value) {
		if (this.album == null) {
			this.album = clean(value);
		}
	}

	void isrc(@Nullable String value) {
		if (this.isrc == null) {
			this.isrc = clean(value);
		}
	}

	void year(@Nullable String value) {
		String cleaned = clean(value);
		if (this.year == null && cleaned != null) {
			Matcher matcher = FOUR_DIGITS.matcher(cleaned);
			if (matcher.find()) {
				int found = Integer.parseInt(matcher.group(1));
				this.year = (found >= 1000) ? found : null;
			}
		}
	}

	/**
	 * A genre as text, where ID3 also allows {@code (17)}, {@code (17)Rock} or {@code 17}
	 * for "Rock".
	 * @param value the tag's value
	 */
	void genre(@Nullable String value) {
		String cleaned = clean(value);
		if (this.genre != null || cleaned == null) {
			return;
		}
		Matcher reference = GENRE_REFERENCE.matcher(cleaned);
		if (reference.matches()) {
			String refinement = clean(reference.group(2));
			this.genre = (refinement != null) ? refinement : genreNumbered(Integer.parseInt(reference.group(1)));
		}
		else if (cleaned.chars().allMatch(Character::isDigit) && cleaned.length() <= 3) {
			this.genre = genreNumbered(Integer.parseInt(cleaned));
		}
		else {
			this.genre = cleaned;
		}
	}

	void genreNumber(int number) {
		if (this.genre == null) {
			this.genre = genreNumbered(number);
		}
	}

	void trackNumber(@Nullable String value) {
		String cleaned = clean(value);
		if (this.trackNumber == null && cleaned != null) {
			Matcher matcher = LEADING_NUMBER.matcher(cleaned);
			if (matcher.find()) {
				trackNumber(Integer.parseInt(matcher.group(1)));
			}
		}
	}

	void trackNumber(int number) {
		if (this.trackNumber == null && number > 0) {
			this.trackNumber = number;
		}
	}

	void picture() {
		this.picture = true;
	}

	Tags tags() {
		return new Tags(this.title, this.artist, this.album, this.isrc, this.year, this.genre, this.trackNumber,
				this.picture);
	}

	private static @Nullable String genreNumbered(int number) {
		return (number >= 0 && number < ID3V1_GENRES.size()) ? ID3V1_GENRES.get(number) : null;
	}

	/**
	 * Control characters (a NUL terminator, a stray byte-order mark) and the edges' white
	 * space go; what is left is capped.
	 * @param value a decoded value
	 * @return the clean value, or {@code null} if nothing is left
	 */
	static @Nullable String clean(@Nullable String value) {
		if (value == null) {
			return null;
		}
		StringBuilder cleaned = new StringBuilder(Math.min(value.length(), TagLimits.MAX_VALUE_CHARS));
		for (int i = 0; i < value.length() && cleaned.length() < TagLimits.MAX_VALUE_CHARS; i++) {
			char c = value.charAt(i);
			if (c == '\uFEFF' || c == '\uFFFD' || Character.isISOControl(c)) {
				continue;
			}
			cleaned.append(c);
		}
		// A cap in the middle of a surrogate pair would leave half a character.
		if (!cleaned.isEmpty() && Character.isHighSurrogate(cleaned.charAt(cleaned.length() - 1))) {
			cleaned.setLength(cleaned.length() - 1);
		}
		String result = cleaned.toString().strip();
		return result.isEmpty() ? null : result;
	}

}
