package com.notalabel.user.password;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;

@RestController
class PasswordController {

	private final PasswordChanges passwords;

	PasswordController(PasswordChanges passwords) {
		this.passwords = passwords;
	}

	/** 202 whether or not the address has an account, after the same time. */
	@PostMapping("/api/v1/auth/password/forgot")
	ResponseEntity<Void> forgot(@Valid @RequestBody PasswordRequests.Forgot request, HttpServletRequest http) {
		this.passwords.forgot(request.email(), http.getRemoteAddr());
		return ResponseEntity.accepted().build();
	}

	@PostMapping("/api/v1/auth/password/reset")
	ResponseEntity<Void> reset(@Valid @RequestBody PasswordRequests.Reset request) {
		this.passwords.reset(request.token(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/auth/password/change")
	ResponseEntity<Void> change(CurrentUser user, @Valid @RequestBody PasswordRequests.Change request) {
		this.passwords.change(user, request.currentPassword(), request.newPassword());
		return ResponseEntity.noContent().build();
	}

}
