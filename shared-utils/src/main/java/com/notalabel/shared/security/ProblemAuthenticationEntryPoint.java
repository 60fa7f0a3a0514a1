package com.notalabel.shared.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;

import com.notalabel.shared.web.ProblemResponseWriter;
import com.notalabel.shared.web.Problems;

/**
 * 401 as problem+json with the RFC 6750 challenge. Why a token was refused stays in the
 * server: telling a caller "expired" versus "bad signature" only helps a forger.
 */
final class ProblemAuthenticationEntryPoint implements AuthenticationEntryPoint {

	private final ProblemResponseWriter writer;

	ProblemAuthenticationEntryPoint(ProblemResponseWriter writer) {
		this.writer = writer;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
			throws IOException {
		boolean tokenRefused = failure instanceof OAuth2AuthenticationException;
		response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenRefused ? "Bearer error=\"invalid_token\"" : "Bearer");
		this.writer.write(request, response,
				tokenRefused
						? Problems.create(HttpStatus.UNAUTHORIZED, "auth.invalid_token",
								"The access token is invalid or has expired. Sign in again.")
						: Problems.create(HttpStatus.UNAUTHORIZED, "auth.unauthenticated", "Sign in to continue."));
	}

}
