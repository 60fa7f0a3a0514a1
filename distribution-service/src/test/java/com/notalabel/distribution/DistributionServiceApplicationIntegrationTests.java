package com.notalabel.distribution;

import org.springframework.test.context.ContextConfiguration;

import com.notalabel.distribution.testing.DistributionTestEnvironment;
import com.notalabel.test.service.ServiceDefaultsContract;

/**
 * The platform's boot contract, in the same context as every other integration test here
 * ({@code DistributionServiceIntegrationTest}).
 */
@ContextConfiguration(initializers = DistributionTestEnvironment.class)
class DistributionServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	DistributionServiceApplicationIntegrationTests() {
		super("distribution-service", "distribution", "/api/v1/releases");
	}

}
