package com.notalabel.distribution.config;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.distribution.storage.ObjectReader;
import com.notalabel.distribution.storage.StorageProperties;

/**
 * The S3 client, as music-service's: path-style addressing, timeouts per request and the
 * SDK's standard retries.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StorageProperties.class)
class StorageConfiguration {

	@Bean(destroyMethod = "close")
	S3Client s3Client(StorageProperties storage) {
		var builder = S3Client.builder()
			.region(Region.of(storage.region()))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(storage.accessKey(), storage.secretKey())))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
			.httpClientBuilder(ApacheHttpClient.builder()
				.maxConnections(16)
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

	@Bean
	ObjectReader objectReader(S3Client client, StorageProperties storage) {
		return new ObjectReader(client, storage);
	}

}
