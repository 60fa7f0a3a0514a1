package com.notalabel.user.privacy;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.user.session.AuthCookies;

@RestController
class PrivacyController {

	private final PersonalData data;

	private final AuthCookies cookies;

	PrivacyController(PersonalData data, AuthCookies cookies) {
		this.data = data;
		this.cookies = cookies;
	}

	@GetMapping("/api/v1/users/me/export")
	ResponseEntity<AccountExport> export(CurrentUser user) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("not-a-label-account.json").build().toString())
			.body(this.data.export(user));
	}

	/**
	 * 202: the account is gone here at once; the other services erase their data when
	 * they receive {@code UserDeleted}.
	 */
	@DeleteMapping("/api/v1/users/me")
	ResponseEntity<Void> erase(CurrentUser user, @Valid @RequestBody DeleteAccountRequest request,
			HttpServletResponse response) {
		this.data.erase(user, request.password());
		this.cookies.clear(response);
		this.cookies.forgetDevice(response);
		return ResponseEntity.accepted().build();
	}

}
