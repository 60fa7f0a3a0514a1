package com.notalabel.distribution.storage;

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
 * Where the catalogue's objects live ({@code nal.storage.*}): distribution reads the
 * originals and covers music-service stored, and writes nothing there. The timeouts bound
 * one request, never a whole download, which is streamed.
 *
 * @param endpoint the S3 API the service talks to; {@code null} for AWS itself
 * @param region the signing region
 * @param accessKey the access key id
 * @param secretKey the secret key
 * @param bucket the environment's one bucket
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
public record StorageProperties(@Nullable URI endpoint, @NotBlank @DefaultValue("us-east-1") String region,
		@NotBlank String accessKey, @NotBlank String secretKey, @NotBlank String bucket,
		@NotNull @DefaultValue("5s") Duration connectTimeout, @NotNull @DefaultValue("30s") Duration readTimeout,
		@NotNull @DefaultValue("2m") Duration callAttemptTimeout, @NotNull @DefaultValue("6m") Duration callTimeout,
		@Min(1) @DefaultValue("3") int maxAttempts) {

}
