package com.notalabel.user.verification;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;

@RestController
class EmailVerificationController {

	private final EmailVerification verification;

	EmailVerificationController(EmailVerification verification) {
		this.verification = verification;
	}

	/** Public: the token is the credential. */
	@PostMapping("/api/v1/auth/email/verify")
	ResponseEntity<Void> verify(@Valid @RequestBody VerifyEmailRequest request) {
		this.verification.verify(request.token());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/auth/email/resend")
	ResponseEntity<Void> resend(CurrentUser user) {
		this.verification.resend(user.id());
		return ResponseEntity.accepted().build();
	}

}
