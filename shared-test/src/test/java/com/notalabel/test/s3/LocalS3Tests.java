package com.notalabel.test.s3;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import com.notalabel.test.http.TestHttp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class LocalS3Tests {

	// Each start costs seconds (jclouds, Jetty): the tests share the JVM's server where
	// they can.
	private final LocalS3 s3 = LocalS3.shared();

	@Test
	void storesAndServesObjectsInItsBucketForItsKeyPair() {
		try (S3Client client = LocalS3Clients.client(this.s3)) {
			client.putObject((request) -> request.bucket(this.s3.bucket()).key("a/b.txt"),
					RequestBody.fromString("hello"));

			assertThat(client.getObjectAsBytes((request) -> request.bucket(this.s3.bucket()).key("a/b.txt"))
				.asUtf8String()).isEqualTo("hello");
		}
	}

	@Test
	void refusesAnUnsignedRequest() {
		assertThat(TestHttp.at(this.s3.endpoint()).get("/" + this.s3.bucket()).send().status()).isEqualTo(403);
	}

	@Test
	void refusesAnotherKeyPair() {
		try (S3Client stranger = S3Client.builder()
			.endpointOverride(this.s3.endpoint())
			.region(Region.of(LocalS3.REGION))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("someone", "else")))
			.build()) {
			assertThatExceptionOfType(S3Exception.class)
				.isThrownBy(() -> stranger.listObjectsV2((request) -> request.bucket(this.s3.bucket())))
				.satisfies((refused) -> assertThat(refused.statusCode()).isEqualTo(403));
		}
	}

	@Test
	void keepsAFolderStoreAcrossARestartOnTheSamePort(@TempDir Path folder) {
		int port;
		try (LocalS3 first = LocalS3.builder().bucket("tapes").folder(folder).start();
				S3Client client = LocalS3Clients.client(first)) {
			client.putObject((request) -> request.bucket("tapes").key("kept"), RequestBody.fromString("x"));
			port = first.port();
		}

		try (LocalS3 again = LocalS3.builder().bucket("tapes").folder(folder).port(port).start();
				S3Client client = LocalS3Clients.client(again)) {
			assertThat(again.endpoint()).hasToString("http://127.0.0.1:" + port);
			assertThat(client.getObjectAsBytes((request) -> request.bucket("tapes").key("kept")).asUtf8String())
				.isEqualTo("x");
		}
		assertThat(folder.resolve("tapes").resolve("kept")).exists();
	}

}
