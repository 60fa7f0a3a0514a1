package com.notalabel.platform;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;

/**
 * The supervisor's own log lines, to {@code .platform/logs/platform.log}.
 */
final class Console {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

	private Console() {
	}

	static void log(String message) {
		System.out.println(LocalTime.now().format(TIME) + "  " + message);
	}

}
