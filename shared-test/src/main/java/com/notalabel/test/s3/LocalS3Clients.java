package com.notalabel.test.s3;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * AWS SDK clients of a {@link LocalS3}, to look at a bucket behind a service's back.
 * Apart from {@link LocalS3} so that a user of the server alone (the platform runner)
 * needs no SDK.
 */
public final class LocalS3Clients {

	private LocalS3Clients() {
	}

	/**
	 * @param s3 the server
	 * @return a path-style client signing with the server's key pair; close it
	 */
	public static S3Client client(LocalS3 s3) {
		return S3Client.builder()
			.endpointOverride(s3.endpoint())
			.region(Region.of(LocalS3.REGION))
			.forcePathStyle(true)
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(s3.accessKey(), s3.secretKey())))
			.build();
	}

}
