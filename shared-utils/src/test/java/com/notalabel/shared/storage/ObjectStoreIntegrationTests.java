package com.notalabel.shared.storage;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import com.notalabel.test.s3.LocalS3;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole-object operations against a real S3 API (S3Proxy).
 */
class ObjectStoreIntegrationTests {

	private static final LocalS3 S3 = LocalS3.shared();

	private static final StorageProperties PROPERTIES = new StorageProperties(S3.endpoint(), null, LocalS3.REGION,
			S3.accessKey(), S3.secretKey(), S3.bucket(), Duration.ofMinutes(5), 4, Duration.ofSeconds(2),
			Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), 2);

	private static final S3Client CLIENT = StorageAutoConfiguration.client(PROPERTIES);

	private static final S3Presigner PRESIGNER = new StorageAutoConfiguration().s3Presigner(PROPERTIES);

	private final ObjectStore store = new ObjectStore(CLIENT, PRESIGNER, PROPERTIES);

	private final String prefix = "tests/" + UUID.randomUUID() + "/";

	@AfterAll
	static void close() {
		CLIENT.close();
		PRESIGNER.close();
	}

	@Test
	void readsBackWhatItStoredWithItsMediaType() {
		this.store.put(this.prefix + "a", new byte[] { 1, 2, 3 }, "image/jpeg");

		assertThat(this.store.read(this.prefix + "a")).hasValueSatisfying((object) -> {
			assertThat(object.content()).containsExactly(1, 2, 3);
			assertThat(object.contentType()).isEqualTo("image/jpeg");
		});
	}

	@Test
	void readsNothingWhereNothingIs() {
		assertThat(this.store.read(this.prefix + "missing")).isEmpty();
		assertThat(this.store.exists(this.prefix + "missing")).isFalse();
	}

	@Test
	void deletesEverythingUnderAPrefixAndNothingBeside() {
		this.store.put(this.prefix + "x/1", new byte[] { 1 }, "image/jpeg");
		this.store.put(this.prefix + "x/2", new byte[] { 2 }, "image/jpeg");
		this.store.put(this.prefix + "y/1", new byte[] { 3 }, "image/jpeg");

		int deleted = this.store.deletePrefix(this.prefix + "x/");

		assertThat(deleted).isEqualTo(2);
		// S3Proxy's folder store may list a folder marker ("y/") too.
		assertThat(this.store.list(this.prefix)).contains(this.prefix + "y/1")
			.noneMatch((key) -> key.startsWith(this.prefix + "x/"));
	}

}
