package com.notalabel.analytics.plays;

import java.time.Duration;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Plays ({@code nal.analytics.plays.*}) and the live feed ({@code nal.analytics.live.*}).
 *
 * @param visitorSecret salts the daily visitor hash with the day; empty makes a random
 * one at start (visitors are then counted anew after a restart)
 * @param foldInterval how often recorded plays are folded into the roll-ups
 * @param maxBatch plays written in one commit at most
 * @param maxWaiting plays waiting for their commit at most; beyond, a play is refused 503
 * @param notifyEvery how often at most an artist's plays are announced as
 * {@code AnalyticsRolledUp}
 */
@Validated
@ConfigurationProperties("nal.analytics.plays")
public record PlayProperties(@DefaultValue("") String visitorSecret, @NotNull @DefaultValue("1s") Duration foldInterval,
		@Min(1) @DefaultValue("500") int maxBatch, @Min(1) @DefaultValue("20000") int maxWaiting,
		@NotNull @DefaultValue("10m") Duration notifyEvery) {

}
