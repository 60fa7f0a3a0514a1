package com.notalabel.analytics.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

class StoreServersTests {

	@Test
	void bindsEachStoreFromTheEnvironmentsNumberedVariables() {
		StoreServers servers = bind(pairs("nal.analytics.stores[0].name", "reference-a", "nal.analytics.stores[0].host",
				"127.0.0.1", "nal.analytics.stores[0].port", "2221", "nal.analytics.stores[0].user", "delivery",
				"nal.analytics.stores[0].private-key", "/keys/platform", "nal.analytics.stores[0].host-key",
				"SHA256:abc", "nal.analytics.stores[1].name", "reference-b", "nal.analytics.stores[1].host", "store-b",
				"nal.analytics.stores[1].user", "delivery", "nal.analytics.stores[1].private-key-text",
				"-----BEGIN OPENSSH PRIVATE KEY-----", "nal.analytics.stores[1].host-key", "ssh-ed25519 AAAA",
				"nal.analytics.store-reports.poll-interval", "30s"));

		assertThat(servers.stores()).hasSize(2);
		assertThat(servers.stores().get(0).privateKey()).isEqualTo(Path.of("/keys/platform"));
		assertThat(servers.stores().get(0).port()).isEqualTo(2221);
		assertThat(servers.stores().get(1).port()).isEqualTo(22);
		assertThat(servers.stores().get(1).privateKeyText()).startsWith("-----BEGIN");
		assertThat(servers.storeReports().pollInterval()).isEqualTo(Duration.ofSeconds(30));
		assertThat(servers.storeReports().folder()).isEqualTo("reports");
	}

	@Test
	void bindsTheVariablesThePlatformRunnerAndComposeSet() {
		Map<String, Object> environment = Map.of("NAL_ANALYTICS_STORES_0_NAME", "Reference Store A",
				"NAL_ANALYTICS_STORES_0_HOST", "127.0.0.1", "NAL_ANALYTICS_STORES_0_PORT", "2221",
				"NAL_ANALYTICS_STORES_0_USER", "delivery", "NAL_ANALYTICS_STORES_0_PRIVATE_KEY", "/keys/analytics",
				"NAL_ANALYTICS_STORES_0_HOST_KEY", "SHA256:abc", "NAL_ANALYTICS_STORES_1_NAME", "Reference Store B",
				"NAL_ANALYTICS_STORES_1_HOST", "reference-store-b", "NAL_ANALYTICS_STORES_1_USER", "delivery",
				"NAL_ANALYTICS_STORES_1_PRIVATE_KEY_TEXT", "-----BEGIN OPENSSH PRIVATE KEY-----");

		StoreServers servers = new Binder(ConfigurationPropertySources.from(new SystemEnvironmentPropertySource(
				StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment)))
			.bindOrCreate("nal.analytics", StoreServers.class);

		assertThat(servers.stores()).extracting(StoreServers.Store::name)
			.containsExactly("Reference Store A", "Reference Store B");
		assertThat(servers.stores().get(0).privateKey()).isEqualTo(Path.of("/keys/analytics"));
		assertThat(servers.stores().get(0).hostKey()).isEqualTo("SHA256:abc");
		assertThat(servers.stores().get(1).privateKeyText()).startsWith("-----BEGIN");
		assertThat(servers.stores().get(1).hostKey()).as("unpinned").isEmpty();
	}

	@Test
	void refusesAStoreWithoutAKey() {
		assertThatException().isThrownBy(() -> bind(
				Map.of("nal.analytics.stores[0].name", "reference-a", "nal.analytics.stores[0].host", "127.0.0.1",
						"nal.analytics.stores[0].user", "delivery", "nal.analytics.stores[0].host-key", "SHA256:abc")));
	}

	private static Map<String, String> pairs(String... keysAndValues) {
		Map<String, String> map = new java.util.LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) {
			map.put(keysAndValues[i], keysAndValues[i + 1]);
		}
		return map;
	}

	private static StoreServers bind(Map<String, String> properties) {
		return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("nal.analytics",
				StoreServers.class);
	}

}
