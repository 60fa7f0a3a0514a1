package com.notalabel.shared.defaults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.config.ConfigDataEnvironmentPostProcessor;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.ClassUtils;

/**
 * Adds the platform's service defaults ({@code nal-service-defaults.yml}) behind every
 * other property source, so that a service's own {@code application.yml} stays short and
 * can still override any of them; and, for a service that stores objects (the S3 SDK is
 * on its class path), the storage defaults ({@code nal-storage-defaults.yml}) with the
 * {@code S3_*} variables that only such a service reads.
 */
public class ServiceDefaultsEnvironmentPostProcessor implements EnvironmentPostProcessor, Ordered {

	static final String SOURCE_NAME = "nal-service-defaults";

	static final String STORAGE_SOURCE_NAME = "nal-storage-defaults";

	private static final String S3_CLIENT = "software.amazon.awssdk.services.s3.S3Client";

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (environment.getPropertySources().contains(SOURCE_NAME)) {
			return;
		}
		addLast(environment, SOURCE_NAME);
		if (ClassUtils.isPresent(S3_CLIENT, application.getClassLoader())) {
			addLast(environment, STORAGE_SOURCE_NAME);
		}
	}

	private static void addLast(ConfigurableEnvironment environment, String name) {
		try {
			List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(name,
					new ClassPathResource(name + ".yml"));
			sources.forEach(environment.getPropertySources()::addLast);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int getOrder() {
		// After application.yml is loaded, so that addLast really puts the defaults last.
		return ConfigDataEnvironmentPostProcessor.ORDER + 1;
	}

}
