package com.notalabel.notification.unsubscribe;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The unsubscribe links of notification mails ({@code nal.unsubscribe.*}).
 *
 * @param linkLifetime how long the link of a mail works: long enough for anyone
 * unsubscribing from a mail they kept, after which the token is deleted, since a token
 * names who received which mail, and the settings page does the same
 * @param sweepInterval how often expired tokens are deleted
 */
@Validated
@ConfigurationProperties("nal.unsubscribe")
public record UnsubscribeSettings(@NotNull @DefaultValue("365d") Duration linkLifetime,
		@NotNull @DefaultValue("1h") Duration sweepInterval) {

}
