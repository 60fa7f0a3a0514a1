package com.notalabel.user.session;

import java.time.Clock;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.id.SessionId;
import com.notalabel.user.account.AccountDirectory;

/**
 * Refresh, sign-out and the list of one's sessions. Refresh and sign-out are public paths
 * that work from the refresh cookie alone, so that an expired access token never stands
 * in the way of either.
 */
@RestController
class SessionController {

	private final Sessions sessions;

	private final AuthCookies cookies;

	private final AccountDirectory accounts;

	private final Clock clock;

	SessionController(Sessions sessions, AuthCookies cookies, AccountDirectory accounts, Clock clock) {
		this.sessions = sessions;
		this.cookies = cookies;
		this.accounts = accounts;
		this.clock = clock;
	}

	@PostMapping("/api/v1/auth/refresh")
	AuthResponse refresh(@CookieValue(name = AuthCookies.REFRESH, required = false) @Nullable String refreshToken,
			HttpServletResponse response) {
		RefreshOutcome outcome = (refreshToken != null) ? this.sessions.refresh(refreshToken) : RefreshOutcome.REFUSED;
		if (!(outcome instanceof RefreshOutcome.Refreshed(SignIn signIn))) {
			this.cookies.clear(response);
			throw new InvalidRefreshToken();
		}
		this.cookies.signIn(response, signIn);
		return AuthResponse.of(this.accounts.get(signIn.user()), signIn, this.clock.instant());
	}

	@PostMapping("/api/v1/auth/logout")
	ResponseEntity<Void> logout(
			@CookieValue(name = AuthCookies.REFRESH, required = false) @Nullable String refreshToken,
			HttpServletResponse response) {
		if (refreshToken != null) {
			this.sessions.logout(refreshToken);
		}
		this.cookies.clear(response);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/auth/sessions")
	PageResponse<SessionResponse> list(CurrentUser user, @RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size) {
		return PageResponse.of(this.sessions.active(user.id(), PageQuery.of(page, size).pageable()),
				(session) -> SessionResponse.of(session, user.sessionId()));
	}

	@DeleteMapping("/api/v1/auth/sessions/{id}")
	ResponseEntity<Void> end(CurrentUser user, @PathVariable UUID id, HttpServletResponse response) {
		this.sessions.end(user.id(), SessionId.of(id));
		if (user.sessionId().value().equals(id)) {
			this.cookies.clear(response);
		}
		return ResponseEntity.noContent().build();
	}

}
