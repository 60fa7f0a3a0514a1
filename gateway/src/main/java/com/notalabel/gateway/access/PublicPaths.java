package com.notalabel.gateway.access;

import java.util.List;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

import com.notalabel.gateway.web.RequestRule;

/**
 * The requests that need no token.
 */
final class PublicPaths {

	private final List<RequestRule> rules;

	PublicPaths(List<String> rules) {
		this.rules = rules.stream().filter((rule) -> !rule.isBlank()).map(RequestRule::parse).toList();
	}

	boolean matches(HttpMethod method, PathContainer path) {
		for (RequestRule rule : this.rules) {
			if (rule.matches(method, path)) {
				return true;
			}
		}
		return false;
	}

}
