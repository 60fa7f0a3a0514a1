package com.notalabel.payment;

import org.springframework.test.context.ContextConfiguration;

import com.notalabel.payment.testing.PaymentTestEnvironment;
import com.notalabel.test.service.ServiceDefaultsContract;

/**
 * The platform's boot contract, in the same context as every other integration test here
 * ({@code PaymentServiceIntegrationTest}).
 */
@ContextConfiguration(initializers = PaymentTestEnvironment.class)
class PaymentServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	PaymentServiceApplicationIntegrationTests() {
		super("payment-service", "payment", "/api/v1/payouts");
	}

}
