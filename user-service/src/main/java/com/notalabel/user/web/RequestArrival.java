package com.notalabel.user.web;

import java.io.IOException;
import java.util.OptionalLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Notes when each request arrived, before any other filter works on it, so that work
 * queued on its behalf (a password hash) can be bounded by how long its client has waited
 * already, not only by how long it has queued.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public final class RequestArrival extends OncePerRequestFilter {

	private static final String ATTRIBUTE = RequestArrival.class.getName() + ".nanos";

	/**
	 * @return {@link System#nanoTime()} when the request this thread serves arrived;
	 * empty outside a request
	 */
	public static OptionalLong nanoTime() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (attributes != null
				&& attributes.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST) instanceof Long nanos) {
			return OptionalLong.of(nanos);
		}
		return OptionalLong.empty();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		request.setAttribute(ATTRIBUTE, System.nanoTime());
		chain.doFilter(request, response);
	}

}
