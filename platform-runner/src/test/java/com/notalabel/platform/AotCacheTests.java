package com.notalabel.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class AotCacheTests {

	@TempDir
	Path directory;

	@Test
	void fitsOnlyWhatItWasTrainedFor() throws IOException {
		Path application = Files.writeString(this.directory.resolve("music-service.jar"), "classes");
		AotCache cache = new AotCache(this.directory.resolve("music-service.aot"));
		String key = AotCache.key(application, List.of("-XX:TieredStopAtLevel=1"));
		Files.writeString(cache.trainingOutput(), "a cache");

		assertThat(cache.fits(key)).isFalse();
		assertThat(cache.keepTrained(key)).isTrue();

		assertThat(cache.fits(key)).isTrue();
		assertThat(cache.fits(AotCache.key(application, List.of("-XX:TieredStopAtLevel=4")))).isFalse();
		Files.setLastModifiedTime(application, FileTime.fromMillis(System.currentTimeMillis() + 60_000));
		assertThat(cache.fits(AotCache.key(application, List.of("-XX:TieredStopAtLevel=1")))).isFalse();
	}

	@Test
	void keepsNothingWhenTheTrainingRunWroteNothing() throws IOException {
		AotCache cache = new AotCache(this.directory.resolve("gateway.aot"));

		assertThat(cache.keepTrained("key")).isFalse();
		assertThat(cache.cache()).doesNotExist();
	}

	@Test
	void discardsWhatAnUnfinishedTrainingRunLeft() throws IOException {
		AotCache cache = new AotCache(this.directory.resolve("gateway.aot"));
		Files.writeString(cache.trainingOutput(), "half a cache");
		Path configuration = this.directory.resolve("gateway.aot.training.config");
		Files.writeString(configuration, "classes seen so far");

		cache.discardTraining();

		assertThat(cache.trainingOutput()).doesNotExist();
		assertThat(configuration).doesNotExist();
	}

}
