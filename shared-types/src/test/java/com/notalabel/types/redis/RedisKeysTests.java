package com.notalabel.types.redis;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RedisKeysTests {

	@Test
	void namesEveryKeyUnderThePrefix() {
		RedisKeys keys = new RedisKeys("test:42:");

		assertThat(keys.eventStream("music-service")).isEqualTo("test:42:nal:events:music-service");
		assertThat(keys.deadLetterStream("ai-service")).isEqualTo("test:42:nal:dead-letters:ai-service");
		assertThat(keys.channel("session-revoked")).isEqualTo("test:42:nal:live:session-revoked");
		assertThat(keys.revokedSessions()).isEqualTo("test:42:nal:sessions:revoked");
		assertThat(keys.key("rate", "user", "1")).isEqualTo("test:42:nal:rate:user:1");
	}

	@Test
	void usesNoPrefixInProduction() {
		assertThat(new RedisKeys("").eventStream("user-service")).isEqualTo("nal:events:user-service");
		assertThat(new RedisKeys("").channel("x")).isEqualTo("nal:live:x");
	}

}
