package com.notalabel.platform;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The end of a component's log as a person reads it: the services log one JSON object a
 * line (ECS), of which the time, level, message and error say why a start failed; other
 * lines (the JVM's own) are shown as they are.
 */
final class LogTail {

	/**
	 * Written into a service's log before each of its starts: the tail of a failed start
	 * shows that start only.
	 */
	static final String START = "----- ./platform starts this service:";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final int MAX_LINE = 400;

	private static final int READ_BYTES = 256 * 1024;

	private LogTail() {
	}

	/**
	 * @return the last {@code lines} lines of the file, readable; none if there is no
	 * file
	 */
	static List<String> of(Path file, int lines) {
		if (!Files.exists(file)) {
			return List.of();
		}
		try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
			long start = Math.max(0, log.length() - READ_BYTES);
			byte[] bytes = new byte[(int) (log.length() - start)];
			log.seek(start);
			log.readFully(bytes);
			List<String> all = Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R"));
			if (start > 0 && !all.isEmpty()) {
				// The first line was cut where the read began.
				all = all.subList(1, all.size());
			}
			for (int i = all.size() - 1; i >= 0; i--) {
				if (all.get(i).startsWith(START)) {
					all = all.subList(i + 1, all.size());
					break;
				}
			}
			List<String> readable = new ArrayList<>();
			for (String line : all.subList(Math.max(0, all.size() - lines), all.size())) {
				if (!line.isBlank()) {
					readable.add(readable(line));
				}
			}
			return readable;
		}
		catch (IOException ex) {
			return List.of("(could not read " + file + ": " + ex.getMessage() + ")");
		}
	}

	static String readable(String line) {
		if (line.startsWith("{")) {
			try {
				JsonNode entry = JSON.readTree(line);
				if (entry.has("message")) {
					String time = entry.path("@timestamp").asString("");
					StringBuilder text = new StringBuilder();
					if (time.length() >= 19) {
						text.append(time, 11, 19).append(' ');
					}
					text.append(entry.path("log").path("level").asString("")).append(' ');
					text.append(entry.path("message").asString(""));
					JsonNode error = entry.path("error");
					if (error.has("type") || error.has("message")) {
						text.append(" [")
							.append(error.path("type").asString(""))
							.append(error.has("message") ? ": " + error.path("message").asString("") : "")
							.append(']');
					}
					return shorten(text.toString());
				}
			}
			catch (JacksonException ex) {
				// Not JSON after all: shown as it is.
			}
		}
		return shorten(line);
	}

	private static String shorten(String text) {
		String oneLine = text.replaceAll("\\s+", " ").strip();
		return (oneLine.length() > MAX_LINE) ? oneLine.substring(0, MAX_LINE - 3) + "..." : oneLine;
	}

}
