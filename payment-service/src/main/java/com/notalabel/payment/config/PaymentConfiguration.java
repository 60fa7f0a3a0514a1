package com.notalabel.payment.config;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

import com.notalabel.payment.earnings.EarningsProperties;
import com.notalabel.payment.split.InvitationProperties;

/**
 * The service's settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties({ EarningsProperties.class, InvitationProperties.class })
class PaymentConfiguration {

}
