package com.notalabel.ai;

import org.springframework.test.context.ContextConfiguration;

import com.notalabel.ai.testing.AiTestEnvironment.NoProviderEnvironment;
import com.notalabel.test.service.ServiceDefaultsContract;

/**
 * The platform's boot contract, without a provider, as a fresh platform starts it: in the
 * same context as {@code WithoutProviderIntegrationTests}.
 */
@ContextConfiguration(initializers = NoProviderEnvironment.class)
class AiServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	AiServiceApplicationIntegrationTests() {
		super("ai-service", "ai", "/api/v1/ai/facts");
	}

}
