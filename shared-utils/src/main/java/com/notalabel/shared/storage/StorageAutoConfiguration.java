package com.notalabel.shared.storage;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * The S3 client of a service that declares {@code software.amazon.awssdk:s3} and
 * {@code apache-client}: path-style addressing (MinIO and S3Proxy serve one host, not a
 * host per bucket), timeouts and retries ({@link StorageProperties}) and, for presigned
 * URLs, the endpoint browsers reach.
 *
 * <p>
 * The SDK retries a request that timed out or failed for the server's reasons, which is
 * safe only for a body that can be sent again: give it bytes, a file, or a provider that
 * opens a new stream per attempt.
 */
@AutoConfiguration
@ConditionalOnClass({ S3Client.class, ApacheHttpClient.class })
@EnableConfigurationProperties(StorageProperties.class)
public final class StorageAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	S3Client s3Client(StorageProperties storage) {
		return client(storage);
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
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
	@ConditionalOnMissingBean
	ObjectStore objectStore(S3Client client, S3Presigner presigner, StorageProperties storage) {
		return new ObjectStore(client, presigner, storage);
	}

	/**
	 * A client as the service gets it; for tests that need one outside a context.
	 * @param storage the settings
	 * @return a new client; close it
	 */
	public static S3Client client(StorageProperties storage) {
		var builder = S3Client.builder()
			.region(Region.of(storage.region()))
			.credentialsProvider(credentials(storage))
			.serviceConfiguration(pathStyle())
			.httpClientBuilder(ApacheHttpClient.builder()
				.maxConnections(storage.maxConnections())
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

	private static StaticCredentialsProvider credentials(StorageProperties storage) {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(storage.accessKey(), storage.secretKey()));
	}

	private static S3Configuration pathStyle() {
		return S3Configuration.builder().pathStyleAccessEnabled(true).build();
	}

}
