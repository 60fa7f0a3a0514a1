package com.notalabel.shared.events;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.redis.connection.stream.Consumer;
import org.springframework.data.redis.connection.stream.MapRecord;
import org.springframework.data.redis.connection.stream.ReadOffset;
import org.springframework.data.redis.connection.stream.StreamOffset;
import org.springframework.data.redis.connection.stream.StreamReadOptions;
import org.springframework.data.redis.connection.stream.StreamRecords;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer group's upkeep against real Redis.
 */
class ConsumerGroupsIntegrationTests {

	private final BusFixture bus = BusFixture.onRunRedis();

	@AfterEach
	void close() {
		this.bus.close();
	}

	private ConsumerGroups groups(Duration staleAfter) {
		return new ConsumerGroups(BusFixture.GROUP, "instance-me", List.of(this.bus.stream()), staleAfter,
				this.bus.redis, new SimpleMeterRegistry());
	}

	@Test
	void createsTheStreamAndTheGroupOnceHoweverOftenAsked() {
		ConsumerGroups groups = groups(Duration.ofSeconds(30));

		groups.ensureAll();
		add("first");
		groups.ensureAll();

		assertThat(this.bus.redis.opsForStream().groups(this.bus.stream())).singleElement()
			.satisfies((group) -> assertThat(group.groupName()).isEqualTo(BusFixture.GROUP))
			.satisfies((group) -> assertThat(group.lastDeliveredId()).isEqualTo("0-0"));
	}

	@Test
	void recreatesTheGroupAfterRedisLostItReadingFromTheStart() {
		ConsumerGroups groups = groups(Duration.ofSeconds(30));
		groups.ensureAll();
		add("kept");
		this.bus.redis.opsForStream().destroyGroup(this.bus.stream(), BusFixture.GROUP);

		groups.ensure(this.bus.stream());

		assertThat(read("instance-me")).singleElement()
			.satisfies((entry) -> assertThat(entry.getValue()).containsEntry("n", "kept"));
	}

	@Test
	void forgetsConsumersThatHoldNothingButNeverItself() {
		ConsumerGroups groups = groups(Duration.ZERO);
		groups.ensureAll();
		add("held");
		add("done");
		add("mine");
		MapRecord<String, Object, Object> held = read("instance-holding").getFirst();
		this.bus.redis.opsForStream()
			.acknowledge(this.bus.stream(), BusFixture.GROUP, read("instance-done").getFirst().getId());
		this.bus.redis.opsForStream()
			.acknowledge(this.bus.stream(), BusFixture.GROUP, read("instance-me").getFirst().getId());

		assertThat(groups.forgetDeparted()).isEqualTo(1);
		assertThat(this.bus.consumers()).containsExactlyInAnyOrder("instance-holding", "instance-me");

		// Once another instance has taken its entry over, the holder goes too.
		this.bus.redis.opsForStream()
			.claim(this.bus.stream(), BusFixture.GROUP, "instance-me", Duration.ZERO, held.getId());
		this.bus.redis.opsForStream().acknowledge(this.bus.stream(), BusFixture.GROUP, held.getId());

		assertThat(groups.forgetDeparted()).isEqualTo(1);
		assertThat(this.bus.consumers()).containsExactly("instance-me");
	}

	@Test
	void keepsConsumersThatHaveNotBeenIdleForStaleAfter() {
		ConsumerGroups groups = groups(Duration.ofHours(1));
		groups.ensureAll();
		add("done");
		this.bus.redis.opsForStream()
			.acknowledge(this.bus.stream(), BusFixture.GROUP, read("instance-recent").getFirst().getId());

		assertThat(groups.forgetDeparted()).isZero();
		assertThat(this.bus.consumers()).containsExactly("instance-recent");
	}

	private void add(String n) {
		this.bus.redis.opsForStream().add(StreamRecords.string(Map.of("n", n)).withStreamKey(this.bus.stream()));
	}

	private List<MapRecord<String, Object, Object>> read(String consumer) {
		return this.bus.redis.opsForStream()
			.read(Consumer.from(BusFixture.GROUP, consumer), StreamReadOptions.empty().count(1),
					StreamOffset.create(this.bus.stream(), ReadOffset.lastConsumed()));
	}

}
