package com.notalabel.types;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every service depends on this module, and some of them (and their tests) must be able
 * to use the event types without a Spring context; so no class here may refer to Spring.
 */
class NoSpringDependencyTests {

	@Test
	void noCompiledClassRefersToSpring() throws IOException {
		List<Path> classFiles = CompiledClasses.files();

		// Fewer than the event types alone would mean the scan looked in the wrong place.
		assertThat(classFiles).hasSizeGreaterThan(20);
		for (Path classFile : classFiles) {
			// Every type a class refers to is named in its constant pool, in internal form.
			String bytes = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
			assertThat(bytes).as("%s", CompiledClasses.root().relativize(classFile))
				.doesNotContain("org/springframework");
		}
	}

}
