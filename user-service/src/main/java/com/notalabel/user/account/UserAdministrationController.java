package com.notalabel.user.account;

import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.id.UserId;

/**
 * Accounts as operators see them. Admin-only at the class level, so that an endpoint
 * added here is denied to everyone else by default.
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class UserAdministrationController {

	private final AccountDirectory accounts;

	UserAdministrationController(AccountDirectory accounts) {
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/users")
	public PageResponse<UserResponse> list(@RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size) {
		return this.accounts.list(PageQuery.of(page, size));
	}

	@GetMapping("/api/v1/users/{id}")
	public UserResponse get(@PathVariable UUID id) {
		return this.accounts.get(UserId.of(id));
	}

}
