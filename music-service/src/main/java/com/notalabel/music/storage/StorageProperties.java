package com.notalabel.music.storage;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where the catalogue's objects live ({@code nal.storage.*}).
 *
 * @param endpoint the S3 API the service talks to; {@code null} for AWS itself
 * @param publicEndpoint the same server as browsers reach it, used only to sign download
 * URLs; {@code null} when it is {@code endpoint} (in compose the service reaches
 * {@code minio:9000}, a browser reaches nginx)
 * @param region the signing region
 * @param accessKey the access key id
 * @param secretKey the secret key
 * @param bucket the environment's one bucket
 * @param downloadUrlTtl how long a presigned download URL stays valid
 */
@Validated
@ConfigurationProperties("nal.storage")
public record StorageProperties(@Nullable URI endpoint, @Nullable URI publicEndpoint,
		@NotBlank @DefaultValue("us-east-1") String region, @NotBlank String accessKey, @NotBlank String secretKey,
		@NotBlank String bucket, @NotNull @DefaultValue("5m") Duration downloadUrlTtl) {

}
