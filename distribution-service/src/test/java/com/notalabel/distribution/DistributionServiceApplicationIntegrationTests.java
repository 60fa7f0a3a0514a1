package com.notalabel.distribution;

import com.notalabel.test.service.ServiceDefaultsContract;

class DistributionServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	DistributionServiceApplicationIntegrationTests() {
		super("distribution-service", "distribution", "/api/v1/releases");
	}

}
