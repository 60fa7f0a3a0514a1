package com.notalabel.music.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.music.storage.ObjectStorage;
import com.notalabel.music.storage.StorageProperties;

/**
 * The S3 client: path-style addressing (MinIO and S3Proxy serve one host, not a host per
 * bucket), timeouts and retries ({@link StorageProperties}) and, for presigned URLs, the
 * endpoint browsers reach.
 *
 * <p>
 * Every request body the service sends can be sent again: parts and small originals come
 * from a buffer through a provider that opens a new stream per attempt, renditions and
 * artwork from a file or bytes. So a request that times out or fails for the server's
 * reasons is retried by the SDK, a part on its own without restarting the upload.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

	@Bean(destroyMethod = "close")
	S3Client s3Client(StorageProperties storage) {
		var builder = S3Client.builder()
			.region(Region.of(storage.region()))
			.credentialsProvider(credentials(storage))
			.serviceConfiguration(pathStyle())
			// Several uploads and jobs at once each hold a connection for minutes.
			.httpClientBuilder(ApacheHttpClient.builder()
				.maxConnections(64)
				.connectionTimeout(storage.connectTimeout())
				.socketTimeout(storage.readTimeout()))
			.overrideConfiguration((client) -> client.apiCallAttemptTimeout(storage.callAttemptTimeout())
				.apiCallTimeout(storage.callTimeout())
				.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
					.toBuilder()
					.maxAttempts(storage.maxAttempts())
					.build()));
		if (storage.endpoint() != null) {
			builder.endpointOverride(storage.endpoint());
		}
		return builder.build();
	}

	@Bean(destroyMethod = "close")
	S3Presigner s3Presigner(StorageProperties storage) {
		var builder = S3Presigner.builder()
			.region(Region.of(storage.region()))
			.credentialsProvider(credentials(storage))
			.serviceConfiguration(pathStyle());
		var endpoint = (storage.publicEndpoint() != null) ? storage.publicEndpoint() : storage.endpoint();
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.build();
	}

	@Bean
	ObjectStorage objectStorage(S3Client client, S3Presigner presigner, StorageProperties storage) {
		return new ObjectStorage(client, presigner, storage);
	}

	private static StaticCredentialsProvider credentials(StorageProperties storage) {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(storage.accessKey(), storage.secretKey()));
	}

	private static S3Configuration pathStyle() {
		return S3Configuration.builder().pathStyleAccessEnabled(true).build();
	}

}
