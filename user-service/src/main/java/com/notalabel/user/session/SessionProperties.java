package com.notalabel.user.session;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sessions ({@code nal.sessions.*}).
 *
 * @param lifetime how long a session lasts after sign-in at the latest, however often it
 * is refreshed (ARCHITECTURE.md §4: 30 days)
 * @param refreshReuseGrace how long after its rotation a refresh token still gets the
 * pair that replaced it rather than counting as reuse: long enough for a browser's
 * parallel requests, short enough to leave a thief no useful window
 */
@Validated
@ConfigurationProperties("nal.sessions")
public record SessionProperties(@NotNull @DefaultValue("30d") Duration lifetime,
		@NotNull @DefaultValue("10s") Duration refreshReuseGrace) {

}
