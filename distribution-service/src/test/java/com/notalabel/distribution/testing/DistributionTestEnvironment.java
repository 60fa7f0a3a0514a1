package com.notalabel.distribution.testing;

import java.util.HashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

import com.notalabel.store.ReferenceStore;
import com.notalabel.test.s3.LocalS3;
import com.notalabel.test.security.TestKeySet;

/**
 * Points the service at the tests' S3 server, key set and reference stores (one each per
 * JVM), and makes its background work (event relay and consumer, deliveries,
 * acknowledgements, retries) quick enough for tests to wait on.
 */
public final class DistributionTestEnvironment
		implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		LocalS3 s3 = LocalS3.shared();
		TestStores stores = TestStores.shared();
		Map<String, Object> properties = new HashMap<>();
		properties.put("nal.storage.endpoint", s3.endpoint().toString());
		properties.put("nal.storage.bucket", s3.bucket());
		properties.put("nal.storage.access-key", s3.accessKey());
		properties.put("nal.storage.secret-key", s3.secretKey());
		properties.put("nal.security.jwks-uri", TestKeySet.shared().uri().toString());
		properties.put("nal.events.relay.poll-interval", "100ms");
		properties.put("nal.events.consumer.block-timeout", "200ms");
		properties.put("nal.events.consumer.reclaim-interval", "100ms");
		properties.put("distribution.delivery.poll-interval", "200ms");
		properties.put("distribution.delivery.acknowledgement-interval", "300ms");
		properties.put("distribution.delivery.first-retry-delay", "200ms");
		properties.put("distribution.delivery.max-retry-delay", "1s");
		properties.put("distribution.delivery.max-attempts", "100");
		properties.put("distribution.delivery.connect-timeout", "3s");
		properties.put("resilience4j.circuitbreaker.configs.default.wait-duration-in-open-state", "500ms");
		platform(properties, 0, "reference-a", "Reference Store A", "PADPIDA0000000001A", 7, stores.storeA().port(),
				TestStores.fingerprint(stores.storeA()), stores);
		platform(properties, 1, "reference-b", "Reference Store B", "PADPIDA0000000002B", 14, stores.storeB().port(),
				"", stores);
		platform(properties, 2, "reference-c", "Reference Store C", "PADPIDA0000000003C", 0, stores.tunnelC().port(),
				"", stores);
		ReferenceStore r = stores.storeR();
		platform(properties, 3, "reference-r", "Reference Store R", "PADPIDA0000000004R", 0, r.port(), "", stores);
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("distributionTestEnvironment", properties));
	}

	private static void platform(Map<String, Object> properties, int index, String name, String displayName,
			String dpid, int leadTime, int port, String fingerprint, TestStores stores) {
		String prefix = "distribution.platforms[" + index + "].";
		properties.put(prefix + "name", name);
		properties.put(prefix + "display-name", displayName);
		properties.put(prefix + "dpid", dpid);
		properties.put(prefix + "lead-time-days", leadTime);
		properties.put(prefix + "sftp.host", "127.0.0.1");
		properties.put(prefix + "sftp.port", port);
		properties.put(prefix + "sftp.user", TestStores.USER);
		properties.put(prefix + "sftp.private-key", stores.privateKeyPem());
		properties.put(prefix + "sftp.host-key-fingerprint", fingerprint);
		properties.put(prefix + "sftp.folder", "/");
	}

}
