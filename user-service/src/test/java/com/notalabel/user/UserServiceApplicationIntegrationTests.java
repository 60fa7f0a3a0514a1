package com.notalabel.user;

import com.notalabel.test.service.ServiceDefaultsContract;
import com.notalabel.user.testing.UserTestEnvironment;

import org.springframework.test.context.ContextConfiguration;

@ContextConfiguration(initializers = UserTestEnvironment.class)
class UserServiceApplicationIntegrationTests extends ServiceDefaultsContract {

	UserServiceApplicationIntegrationTests() {
		super("user-service", "users", "/api/v1/users/me");
	}

}
