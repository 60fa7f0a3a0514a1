package com.notalabel.music.testing;

import java.net.URI;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A client of the tests' S3 server, to look at the bucket behind the service's back.
 */
public final class S3Clients {

	private S3Clients() {
	}

	public static S3Client client(URI endpoint) {
		return S3Client.builder()
			.endpointOverride(endpoint)
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(TestObjectStorage.ACCESS_KEY, TestObjectStorage.SECRET_KEY)))
			.build();
	}

	public static S3Client client() {
		return client(TestObjectStorage.endpoint());
	}

}
