package com.notalabel.payment;

import com.notalabel.test.service.ServiceDefaultsContract;

class PaymentServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	PaymentServiceApplicationIntegrationTests() {
		super("payment-service", "payment", "/api/v1/payouts");
	}

}
