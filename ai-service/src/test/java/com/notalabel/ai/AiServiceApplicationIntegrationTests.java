package com.notalabel.ai;

import com.notalabel.test.service.ServiceDefaultsContract;

class AiServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	AiServiceApplicationIntegrationTests() {
		super("ai-service", "ai", "/api/v1/ai/facts");
	}

}
