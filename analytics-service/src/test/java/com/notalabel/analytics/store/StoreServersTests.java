package com.notalabel.analytics.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

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
