package com.notalabel.user.registration;

import java.net.URI;
import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.user.login.KnownDevices;
import com.notalabel.user.session.AuthCookies;
import com.notalabel.user.session.AuthResponse;
import com.notalabel.user.web.Client;

@RestController
class RegistrationController {

	private final Registration registration;

	private final AuthCookies cookies;

	private final Clock clock;

	RegistrationController(Registration registration, AuthCookies cookies, Clock clock) {
		this.registration = registration;
		this.cookies = cookies;
		this.clock = clock;
	}

	/**
	 * 201 with the account and a signed-in session: the same body and cookies as a
	 * sign-in.
	 */
	@PostMapping("/api/v1/auth/register")
	ResponseEntity<AuthResponse> register(@Valid @RequestBody RegisterRequest request, HttpServletRequest http,
			HttpServletResponse response) {
		Registration.Result result = this.registration.register(request, Client.of(http));
		this.cookies.signIn(response, result.signIn());
		this.cookies.rememberDevice(response, result.deviceToken(), KnownDevices.LIFETIME);
		return ResponseEntity.created(URI.create("/api/v1/users/me"))
			.body(AuthResponse.of(result.user(), result.signIn(), this.clock.instant()));
	}

}
