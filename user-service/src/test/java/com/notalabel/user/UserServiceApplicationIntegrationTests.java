package com.notalabel.user;

import com.notalabel.test.service.ServiceDefaultsContract;

class UserServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	UserServiceApplicationIntegrationTests() {
		super("user-service", "users", "/api/v1/users/me");
	}

}
