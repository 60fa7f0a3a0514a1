package com.notalabel.types.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

import com.notalabel.types.event.EventCatalog;
import com.notalabel.types.event.EventCodec;
import com.notalabel.types.event.EventEnvelope;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The wire format of every event, pinned by a golden file per type in
 * {@code src/test/resources/golden/events}. The files were written once and are frozen:
 * when one of these tests fails, the change broke consumers that are already deployed;
 * fix the change, not the file. A new event type adds a sample to {@link SampleEvents}
 * and a new file.
 */
class EventWireFormatTests {

	private static final String GOLDEN_DIRECTORY = "/golden/events/";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final EventCodec codec = EventCodec.standard();

	static Stream<Arguments> samples() {
		return SampleEvents.all().stream().map((sample) -> Arguments.of(sample.type(), sample));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void encodesAsTheGoldenFile(String type, EventEnvelope<?> sample) {
		assertThat(JSON.readTree(this.codec.encode(sample))).isEqualTo(JSON.readTree(golden(type)));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void decodesTheGoldenFileToTheSample(String type, EventEnvelope<?> sample) {
		assertThat(this.codec.decode(golden(type))).isEqualTo(sample);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("samples")
	void sampleHasTheEnvelopeThatWrapGives(String type, EventEnvelope<?> sample) {
		EventEnvelope<?> wrapped = EventEnvelope.wrap(sample.payload(), sample.occurredAt());

		assertThat(wrapped).usingRecursiveComparison().ignoringFields("id").isEqualTo(sample);
	}

	@Test
	void everyKnownEventHasASampleAndAGoldenFile() {
		Set<String> sampled = SampleEvents.all().stream().map(EventEnvelope::type).collect(Collectors.toSet());

		assertThat(EventCatalog.standard().names()).isNotEmpty()
			.allSatisfy((name) -> assertThat(sampled).as("sample of %s", name).contains(name))
			.allSatisfy((name) -> assertThat(EventWireFormatTests.class.getResource(GOLDEN_DIRECTORY + name + ".json"))
				.as("golden file of %s", name)
				.isNotNull());
	}

	@Test
	void everyGoldenFileBelongsToAKnownEvent() throws IOException, URISyntaxException {
		URL directory = EventWireFormatTests.class.getResource(GOLDEN_DIRECTORY);
		assertThat(directory).isNotNull();
		List<String> names;
		try (Stream<Path> files = Files.list(Path.of(directory.toURI()))) {
			names = files.map((file) -> file.getFileName().toString().replaceFirst("\\.json$", "")).toList();
		}

		assertThat(names).hasSameElementsAs(EventCatalog.standard().names());
	}

	static String golden(String type) {
		try (InputStream in = EventWireFormatTests.class.getResourceAsStream(GOLDEN_DIRECTORY + type + ".json")) {
			assertThat(in).as("golden file of %s", type).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
