package com.notalabel.music.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.security.TestKeySet;

/**
 * Points the service at the tests' S3 server and key set (one each per JVM), and makes
 * its background work (event relay and consumer, job polling) quick enough for tests to
 * wait on.
 */
public final class MusicTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		LocalS3 s3 = LocalS3.shared();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("musicTestEnvironment",
					Map.of("nal.storage.endpoint", s3.endpoint().toString(), "nal.storage.bucket", s3.bucket(),
							"nal.storage.access-key", s3.accessKey(), "nal.storage.secret-key", s3.secretKey(),
							"nal.security.jwks-uri", TestKeySet.shared().uri().toString(),
							"nal.events.relay.poll-interval", "100ms", "nal.events.consumer.block-timeout", "200ms",
							"nal.events.consumer.reclaim-interval", "100ms", "nal.processing.shutdown-grace", "1s")));
	}

}
