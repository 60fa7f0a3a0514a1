package com.notalabel.user.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The cookies that carry tokens to browsers. All are {@code HttpOnly} (no script reads
 * them), {@code Secure} (browsers treat {@code http://localhost} as secure, so this holds
 * in development too) and {@code SameSite=Strict}: the API is only ever called by the
 * platform's own pages, never navigated to from other sites, so Strict costs nothing and
 * keeps every cookie off cross-site requests even where the gateway's Origin check would
 * not look. No {@code Domain}: host-only cookies of the gateway's host.
 */
@Component
public class AuthCookies {

	/** The access token, sent with every API call. */
	public static final String ACCESS = "nal_at";

	/** The refresh token, sent only to the sign-in endpoints. */
	public static final String REFRESH = "nal_rt";

	/** The known-device token, sent only to the sign-in endpoints. */
	public static final String DEVICE = "nal_dev";

	static final String AUTH_PATH = "/api/v1/auth";

	private final Clock clock;

	AuthCookies(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Sets the access cookie (until the token expires) and the refresh cookie (until the
	 * session ends).
	 */
	public void signIn(HttpServletResponse response, SignIn signIn) {
		Instant now = this.clock.instant();
		add(response, cookie(ACCESS, signIn.accessToken().value(), "/",
				Duration.between(now, signIn.accessToken().expiresAt())));
		add(response,
				cookie(REFRESH, signIn.refreshToken(), AUTH_PATH, Duration.between(now, signIn.sessionExpiresAt())));
	}

	/**
	 * Removes the access and refresh cookies. The device cookie stays: it outlives
	 * sessions on purpose.
	 */
	public void clear(HttpServletResponse response) {
		add(response, cookie(ACCESS, "", "/", Duration.ZERO));
		add(response, cookie(REFRESH, "", AUTH_PATH, Duration.ZERO));
	}

	/**
	 * Marks the browser as one that signed in to an account before.
	 */
	public void rememberDevice(HttpServletResponse response, String token, Duration lifetime) {
		add(response, cookie(DEVICE, token, AUTH_PATH, lifetime));
	}

	/**
	 * Removes the device cookie, when the account it points to is erased.
	 */
	public void forgetDevice(HttpServletResponse response) {
		add(response, cookie(DEVICE, "", AUTH_PATH, Duration.ZERO));
	}

	private static ResponseCookie cookie(String name, String value, String path, Duration maxAge) {
		return ResponseCookie.from(name, value)
			.httpOnly(true)
			.secure(true)
			.sameSite("Strict")
			.path(path)
			.maxAge(maxAge.isNegative() ? Duration.ZERO : maxAge)
			.build();
	}

	private static void add(HttpServletResponse response, ResponseCookie cookie) {
		response.addHeader(HttpHeaders.SET_COOKIE, cookie.toString());
	}

}
