package com.notalabel.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import com.notalabel.platform.PlatformState.Cache;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingTests {

	static final ServiceSpec USERS = new ServiceSpec("user-service", 3002, "users", true);

	static final ServiceSpec MUSIC = new ServiceSpec("music-service", 3003, "music", true);

	final List<FakeRun> runs = new ArrayList<>();

	final List<String> log = new ArrayList<>();

	final Training training = new Training((spec) -> {
		FakeRun run = new FakeRun(spec.name());
		this.runs.add(run);
		return run;
	}, this.log::add);

	@Test
	void trainsNothingUntilEveryServiceIsReady() {
		this.training.queue(USERS);

		this.training.tick(false);

		assertThat(this.runs).isEmpty();
		assertThat(this.training.cache("user-service")).contains(Cache.QUEUED);
	}

	@Test
	void trainsOneServiceAtATime() {
		this.training.queue(USERS);
		this.training.queue(MUSIC);

		this.training.tick(true);
		this.training.tick(true);

		assertThat(this.runs).extracting(FakeRun::service).containsExactly("user-service");
		assertThat(this.training.cache("user-service")).contains(Cache.TRAINING);
		assertThat(this.training.cache("music-service")).contains(Cache.QUEUED);

		this.runs.getFirst().finish(true);
		this.training.tick(true);

		assertThat(this.runs).extracting(FakeRun::service).containsExactly("user-service", "music-service");
		assertThat(this.training.cache("user-service")).contains(Cache.TRAINED);
	}

	@Test
	void waitsWithTheNextRunWhileAServiceIsDown() {
		this.training.queue(USERS);
		this.training.queue(MUSIC);
		this.training.tick(true);
		this.runs.getFirst().finish(true);

		this.training.tick(false);

		assertThat(this.runs).hasSize(1);
		assertThat(this.training.cache("user-service")).contains(Cache.TRAINED);
	}

	@Test
	void saysSoWhenATrainingRunWroteNoCache() {
		this.training.queue(USERS);
		this.training.tick(true);
		this.runs.getFirst().finish(false);

		this.training.tick(true);

		assertThat(this.training.cache("user-service")).contains(Cache.FAILED);
		assertThat(this.training.idle()).isTrue();
		assertThat(this.log).anyMatch((line) -> line.contains("user-service-training.log"));
	}

	@Test
	void queuesAServiceOnlyOnce() {
		this.training.queue(USERS);
		this.training.queue(USERS);
		this.training.tick(true);
		this.runs.getFirst().finish(true);

		this.training.tick(true);

		assertThat(this.runs).hasSize(1);
	}

	@Test
	void cancelsTheRunningRunAndForgetsTheQueue() {
		this.training.queue(USERS);
		this.training.queue(MUSIC);
		this.training.tick(true);

		this.training.cancel();
		this.training.tick(true);

		assertThat(this.runs).singleElement().satisfies((run) -> assertThat(run.cancelled).isTrue());
		assertThat(this.training.idle()).isTrue();
	}

	static final class FakeRun implements Training.Run {

		private final String service;

		private @Nullable Boolean written;

		private boolean cancelled;

		FakeRun(String service) {
			this.service = service;
		}

		String service() {
			return this.service;
		}

		void finish(boolean wroteACache) {
			this.written = wroteACache;
		}

		@Override
		public Optional<Boolean> outcome() {
			return Optional.ofNullable(this.written);
		}

		@Override
		public void cancel() {
			this.cancelled = true;
		}

	}

}
