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

/**
 * One test, as each start of S3Proxy costs seconds (jclouds, Jetty): what the platform
 * runner relies on, from a first start to a restart on the same folder and port.
 */
class LocalS3Tests {

	@Test
	void servesItsBucketToItsKeyPairOnlyAndKeepsAFolderStoreAcrossARestart(@TempDir Path folder) {
		int port;
		try (LocalS3 first = LocalS3.builder().bucket("tapes").credentials("ada", "secret").folder(folder).start();
				S3Client client = LocalS3Clients.client(first);
				S3Client stranger = client(first, "someone", "else")) {
			client.putObject((request) -> request.bucket("tapes").key("a/b.txt"), RequestBody.fromString("hello"));

			assertThat(client.getObjectAsBytes((request) -> request.bucket("tapes").key("a/b.txt")).asUtf8String())
				.isEqualTo("hello");
			assertThat(TestHttp.at(first.endpoint()).get("/tapes/a/b.txt").send().status()).as("unsigned")
				.isEqualTo(403);
			assertThatExceptionOfType(S3Exception.class)
				.isThrownBy(() -> stranger.getObjectAsBytes((request) -> request.bucket("tapes").key("a/b.txt")))
				.satisfies((refused) -> assertThat(refused.statusCode()).isEqualTo(403));
			port = first.port();
		}

		try (LocalS3 again = LocalS3.builder()
			.bucket("tapes")
			.credentials("ada", "secret")
			.folder(folder)
			.port(port)
			.start(); S3Client client = LocalS3Clients.client(again)) {
			assertThat(again.endpoint()).hasToString("http://127.0.0.1:" + port);
			assertThat(client.getObjectAsBytes((request) -> request.bucket("tapes").key("a/b.txt")).asUtf8String())
				.isEqualTo("hello");
		}
		assertThat(folder.resolve("tapes").resolve("a").resolve("b.txt")).exists();
	}

	private static S3Client client(LocalS3 s3, String accessKey, String secretKey) {
		return S3Client.builder()
			.endpointOverride(s3.endpoint())
			.region(Region.of(LocalS3.REGION))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)))
			.build();
	}

}
