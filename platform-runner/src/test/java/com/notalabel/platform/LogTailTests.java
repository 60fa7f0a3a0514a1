package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LogTailTests {

	@Test
	void showsAServiceLogLineAsTimeLevelMessageAndError() {
		String line = """
				{"@timestamp":"2026-12-06T15:06:31.089Z","log":{"level":"ERROR","logger":"x"},\
				"message":"Application run failed","error":{"type":"java.lang.IllegalStateException",\
				"message":"Port 3003 was already in use","stack_trace":"at a.b.C"}}""";

		assertThat(LogTail.readable(line)).isEqualTo(
				"15:06:31 ERROR Application run failed [java.lang.IllegalStateException: Port 3003 was already in use]");
	}

	@Test
	void foldsAMessageOfManyLinesIntoOne() {
		String line = "{\"@timestamp\":\"2026-12-06T15:06:31Z\",\"log\":{\"level\":\"ERROR\"},"
				+ "\"message\":\"\\n\\n***\\nAPPLICATION FAILED TO START\\n***\\n\\nDescription:\\n\\nbad\"}";

		assertThat(LogTail.readable(line))
			.isEqualTo("15:06:31 ERROR *** APPLICATION FAILED TO START *** Description: bad");
	}

	@Test
	void showsOtherLinesAsTheyAreButNeverEndlessly() {
		assertThat(LogTail.readable("Error: Unable to access jarfile x.jar"))
			.isEqualTo("Error: Unable to access jarfile x.jar");
		assertThat(LogTail.readable("{not json")).isEqualTo("{not json");
		assertThat(LogTail.readable("x".repeat(1000))).hasSize(400).endsWith("...");
	}

	@Test
	void readsOnlyTheLastLines(@TempDir Path directory) throws IOException {
		Path log = directory.resolve("music-service.log");
		Files.writeString(log,
				IntStream.rangeClosed(1, 100).mapToObj((n) -> "line " + n).collect(Collectors.joining("\n")));

		assertThat(LogTail.of(log, 3)).containsExactly("line 98", "line 99", "line 100");
		assertThat(LogTail.of(directory.resolve("missing.log"), 3)).isEmpty();
	}

	@Test
	void showsOnlyTheLinesOfTheLastStart(@TempDir Path directory) throws IOException {
		Path log = directory.resolve("gateway.log");
		Files.writeString(log, String.join("\n", LogTail.START + " 2026-01-05T10:00:00Z", "the first start", "its end",
				LogTail.START + " 2026-01-05T11:00:00Z", "the second start"));

		assertThat(LogTail.of(log, 10)).containsExactly("the second start");
	}

}
