package com.notalabel.user.account;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.id.UserId;

/**
 * Accounts as read by the sign-in answers and by operators.
 */
@Service
public class AccountDirectory {

	private final AccountRepository accounts;

	AccountDirectory(AccountRepository accounts) {
		this.accounts = accounts;
	}

	@Transactional(readOnly = true)
	PageResponse<UserResponse> list(PageQuery page) {
		return PageResponse.of(this.accounts.findAllByOrderByCreatedAt(page.pageable()), UserResponse::of);
	}

	/**
	 * @param id the account
	 * @return the account as its owner sees it
	 * @throws com.notalabel.shared.web.ProblemException 404 if there is no such account
	 */
	@Transactional(readOnly = true)
	public UserResponse get(UserId id) {
		return this.accounts.findById(id.value()).map(UserResponse::of).orElseThrow(AccountNotFound::new);
	}

}
