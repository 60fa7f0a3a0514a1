package com.notalabel.music.upload;

import java.util.Locale;

/**
 * Byte counts as people read them in a problem's detail (the exact figures travel as
 * members of the problem).
 */
final class Sizes {

	private Sizes() {
	}

	static String human(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		String[] units = { "KB", "MB", "GB", "TB" };
		double value = bytes;
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.ROOT, (value == Math.rint(value)) ? "%.0f %s" : "%.1f %s", value, units[unit]);
	}

}
