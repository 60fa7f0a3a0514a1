package com.notalabel.shared.testapp;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Fails before any controller, to exercise the error page, or reads a parameter there.
 */
@Component
class FailingFilter extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getRequestURI().equals("/public/filter-failure")) {
			throw new ServletException("filter blew up: com.notalabel.Secret");
		}
		if (request.getRequestURI().equals("/public/filter-parameter")) {
			// A filter that reads a parameter meets Tomcat's refusal of the query first.
			request.getParameter("x");
		}
		chain.doFilter(request, response);
	}

}
