package com.notalabel.analytics;

import com.notalabel.test.service.ServiceDefaultsContract;

class AnalyticsServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	AnalyticsServiceApplicationIntegrationTests() {
		super("analytics-service", "analytics", "/api/v1/analytics/overview");
	}

}
