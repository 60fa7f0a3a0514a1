package com.notalabel.distribution.config;

import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.distribution.storage.ObjectReader;
import com.notalabel.shared.storage.StorageProperties;

/**
 * Reading the bucket through the S3 client shared-utils sets up for every service that
 * stores ({@code nal.storage.*}).
 */
@Configuration(proxyBeanMethods = false)
class StorageConfiguration {

	@Bean
	ObjectReader objectReader(S3Client client, StorageProperties storage) {
		return new ObjectReader(client, storage);
	}

}
