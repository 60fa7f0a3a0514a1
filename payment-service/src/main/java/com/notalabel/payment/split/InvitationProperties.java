package com.notalabel.payment.split;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Invitations of collaborators ({@code nal.payments.invitations.*}).
 *
 * @param ttl how long an invitation's link can be accepted; naming the collaborator again
 * after that sends a new one
 */
@Validated
@ConfigurationProperties("nal.payments.invitations")
public record InvitationProperties(@NotNull @DefaultValue("30d") Duration ttl) {

}
