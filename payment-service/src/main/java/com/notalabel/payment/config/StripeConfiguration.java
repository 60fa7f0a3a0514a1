package com.notalabel.payment.config;

import com.stripe.StripeClient;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.notalabel.payment.payout.PayoutProperties;
import com.notalabel.payment.payout.StripeProperties;

/**
 * Stripe's client, only with a secret key: without one, payouts answer 503 and say what
 * to set.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ StripeProperties.class, PayoutProperties.class })
class StripeConfiguration {

	@Bean
	@ConditionalOnExpression("!'${nal.payments.stripe.secret-key:}'.isBlank()")
	StripeClient stripeClient(StripeProperties properties) {
		String base = properties.apiBase().toString().replaceAll("/+$", "");
		return StripeClient.builder()
			.setApiKey(properties.secretKey())
			.setApiBase(base)
			.setConnectBase(base)
			.setFilesBase(base)
			.setConnectTimeout((int) properties.connectTimeout().toMillis())
			.setReadTimeout((int) properties.readTimeout().toMillis())
			.setMaxNetworkRetries(properties.maxNetworkRetries())
			.build();
	}

}
