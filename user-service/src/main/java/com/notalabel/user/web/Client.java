package com.notalabel.user.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;

/**
 * Who is on the other end of a request: the address (the gateway's
 * {@code X-Forwarded-For} once Tomcat has applied it) and the user agent.
 *
 * @param address the client's IP address
 * @param userAgent its {@code User-Agent}, empty if none
 */
public record Client(String address, String userAgent) {

	public static Client of(HttpServletRequest request) {
		String userAgent = request.getHeader(HttpHeaders.USER_AGENT);
		return new Client(request.getRemoteAddr(), (userAgent != null) ? userAgent : "");
	}

}
