package com.notalabel.music.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the service at the tests' S3 server and key set, and makes its background work
 * (event relay and consumer, job polling) quick enough for tests to wait on.
 */
public final class MusicTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("musicTestEnvironment",
					Map.of("nal.storage.endpoint", TestObjectStorage.endpoint().toString(), "nal.storage.bucket",
							TestObjectStorage.BUCKET, "nal.storage.access-key", TestObjectStorage.ACCESS_KEY,
							"nal.storage.secret-key", TestObjectStorage.SECRET_KEY, "nal.security.jwks-uri",
							TestJwks.uri().toString(), "nal.events.relay.poll-interval", "100ms",
							"nal.events.consumer.block-timeout", "200ms", "nal.events.consumer.reclaim-interval",
							"100ms")));
	}

}
