package com.notalabel.bench.support;

/**
 * A benchmark's settings, from the environment as its run.sh documents them.
 */
public final class Settings {

	private Settings() {
	}

	/**
	 * @param name the variable
	 * @param fallback the value when it is unset or blank
	 * @return its value
	 */
	public static String text(String name, String fallback) {
		String value = System.getenv(name);
		return (value == null || value.isBlank()) ? fallback : value;
	}

	public static int number(String name, int fallback) {
		return Integer.parseInt(text(name, String.valueOf(fallback)));
	}

}
