package com.notalabel.notification;

import com.notalabel.test.service.ServiceDefaultsContract;

@NotificationServiceIntegrationTest
class NotificationServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	NotificationServiceApplicationIntegrationTests() {
		super("notification-service", "notification", "/api/v1/notifications");
	}

}
