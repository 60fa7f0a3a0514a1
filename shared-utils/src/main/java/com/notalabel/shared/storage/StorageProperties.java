package com.notalabel.shared.storage;

import java.net.URI;
import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where a service's objects live ({@code nal.storage.*}, set from {@code S3_*} in
 * {@code nal-storage-defaults.yml}), and how long a call to storage may take. Uploads go
 * out in parts, each part one request, and downloads are streamed, so the timeouts bound
 * one request, never a whole upload or download.
 *
 * @param endpoint the S3 API the service talks to; {@code null} for AWS itself
 * @param publicEndpoint the same server as browsers reach it, used only to sign download
 * URLs; {@code null} when it is {@code endpoint} (in compose the service reaches
 * {@code minio:9000}, a browser reaches nginx)
 * @param region the signing region
 * @param accessKey the access key id
 * @param secretKey the secret key
 * @param bucket the bucket the service keeps its objects in (the environment's one bucket
 * unless the service says otherwise)
 * @param downloadUrlTtl how long a presigned download URL stays valid
 * @param maxConnections connections to storage the service may hold at once (an upload or
 * a job holds one for minutes)
 * @param connectTimeout the longest wait for a connection to open
 * @param readTimeout the longest silence of an open connection: waiting for a response,
 * or between two reads of a download's body (which no other timeout bounds, so that a
 * long download that keeps moving is never cut short)
 * @param callAttemptTimeout the longest one request may take, its body included: a part,
 * a whole object put at once (a rendition of a two-hour track is about 230 MB), a
 * download until its body starts; then the SDK tries again
 * @param callTimeout the longest one call may take, every attempt and the pauses between
 * them included
 * @param maxAttempts attempts per call, the first included; the SDK's standard retry
 * policy waits between them with exponential backoff and full jitter, and retries only
 * what is worth it (timeouts, throttling, 5xx), never a refusal
 */
@Validated
@ConfigurationProperties("nal.storage")
public record StorageProperties(@Nullable URI endpoint, @Nullable URI publicEndpoint,
		@NotBlank @DefaultValue("us-east-1") String region, @NotBlank String accessKey, @NotBlank String secretKey,
		@NotBlank String bucket, @NotNull @DefaultValue("5m") Duration downloadUrlTtl,
		@Min(1) @DefaultValue("64") int maxConnections, @NotNull @DefaultValue("5s") Duration connectTimeout,
		@NotNull @DefaultValue("30s") Duration readTimeout, @NotNull @DefaultValue("2m") Duration callAttemptTimeout,
		@NotNull @DefaultValue("6m") Duration callTimeout, @Min(1) @DefaultValue("3") int maxAttempts) {

}
