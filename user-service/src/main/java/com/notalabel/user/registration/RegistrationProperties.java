package com.notalabel.user.registration;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Sign-ups ({@code nal.registration.*}).
 *
 * @param freeAttemptsPerAddress sign-ups one client address may try within an hour of
 * each other before each further one waits (a minute, doubling to an hour): room for a
 * household or an office, not for a script probing which addresses have accounts. An
 * operator behind one shared address (a venue's sign-up desk, a test suite) raises it.
 */
@Validated
@ConfigurationProperties("nal.registration")
public record RegistrationProperties(@Positive @DefaultValue("10") int freeAttemptsPerAddress) {

}
