package com.notalabel.user.login;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.user.session.AuthCookies;
import com.notalabel.user.session.AuthResponse;
import com.notalabel.user.web.Client;

@RestController
class LoginController {

	private final Login login;

	private final AuthCookies cookies;

	private final Clock clock;

	LoginController(Login login, AuthCookies cookies, Clock clock) {
		this.login = login;
		this.cookies = cookies;
		this.clock = clock;
	}

	@PostMapping("/api/v1/auth/login")
	AuthResponse login(@Valid @RequestBody LoginRequest request,
			@CookieValue(name = AuthCookies.DEVICE, required = false) @Nullable String deviceCookie,
			HttpServletRequest http, HttpServletResponse response) {
		Login.Result result = this.login.signIn(request.email(), request.password(), Client.of(http), deviceCookie);
		this.cookies.signIn(response, result.signIn());
		this.cookies.rememberDevice(response, result.deviceToken(), KnownDevices.LIFETIME);
		return AuthResponse.of(result.user(), result.signIn(), this.clock.instant());
	}

}
