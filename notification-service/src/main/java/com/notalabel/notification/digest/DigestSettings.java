package com.notalabel.notification.digest;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The weekly digest ({@code nal.digest.*}).
 *
 * @param enabled whether this instance sends digests (every instance may: one claims
 * each)
 * @param checkInterval how often an instance looks for digests of the last week still to
 * send; a digest goes out on the first check after its week ended (Monday 00:00 UTC)
 */
@Validated
@ConfigurationProperties("nal.digest")
public record DigestSettings(@DefaultValue("true") boolean enabled,
		@NotNull @DefaultValue("15m") Duration checkInterval) {

}
