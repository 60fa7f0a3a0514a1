package com.notalabel.user.testing;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.notalabel.test.s3.LocalS3;

/**
 * Points the service at the tests' S3 server (one per JVM), where profile pictures go.
 */
public final class UserTestEnvironment implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		LocalS3 s3 = LocalS3.shared();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("userTestEnvironment",
					Map.of("nal.storage.endpoint", s3.endpoint().toString(), "nal.storage.bucket", s3.bucket(),
							"nal.storage.access-key", s3.accessKey(), "nal.storage.secret-key", s3.secretKey())));
	}

}
