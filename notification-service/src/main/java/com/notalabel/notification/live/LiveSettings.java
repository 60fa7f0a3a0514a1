package com.notalabel.notification.live;

import java.time.Duration;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The live stream ({@code nal.live.*}).
 *
 * @param heartbeat how often an idle connection gets a comment, so that proxies keep it
 * open and a dead one is noticed; below every hop's read timeout
 * @param maxAge how long one connection lives before the browser is made to reconnect
 * (and resume), so that no connection outlives a token
 * @param maxResume the most missed notifications sent on a reconnect; the inbox has the
 * rest
 * @param reconnectMin the shortest wait a browser is told to make before reconnecting
 * @param reconnectMax the longest: each connection gets a wait drawn between the two, so
 * that the browsers of an instance that stopped come back spread out, not all at once
 */
@Validated
@ConfigurationProperties("nal.live")
public record LiveSettings(@NotNull @DefaultValue("15s") Duration heartbeat,
		@NotNull @DefaultValue("30m") Duration maxAge, @Min(1) @Max(1000) @DefaultValue("100") int maxResume,
		@NotNull @DefaultValue("1s") Duration reconnectMin, @NotNull @DefaultValue("10s") Duration reconnectMax) {

	public LiveSettings {
		if (reconnectMin != null && reconnectMax != null && reconnectMax.compareTo(reconnectMin) < 0) {
			throw new IllegalArgumentException("nal.live.reconnect-max must not be below nal.live.reconnect-min");
		}
	}

}
