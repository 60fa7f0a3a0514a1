package com.notalabel.gateway.ratelimit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;

import com.notalabel.gateway.web.RequestRule;

/**
 * Which bucket a request draws from.
 */
public final class RateLimitPolicies {

	private final RateLimitPolicy authenticated;

	private final RateLimitPolicy anonymous;

	private final List<StrictPolicy> strict;

	RateLimitPolicies(RateLimitProperties properties) {
		this.authenticated = new RateLimitPolicy("authenticated", properties.authenticated().limit(),
				properties.authenticated().period());
		this.anonymous = new RateLimitPolicy("anonymous", properties.anonymous().limit(),
				properties.anonymous().period());
		List<StrictPolicy> strictPolicies = new ArrayList<>();
		for (Map.Entry<String, RateLimitProperties.Strict> entry : properties.strict().entrySet()) {
			RateLimitProperties.Strict strictLimit = entry.getValue();
			RateLimitPolicy policy = new RateLimitPolicy(entry.getKey(), strictLimit.limit(), strictLimit.period(),
					strictLimit.mode());
			for (String request : strictLimit.requests()) {
				strictPolicies.add(new StrictPolicy(RequestRule.parse(request), policy));
			}
		}
		this.strict = List.copyOf(strictPolicies);
	}

	/** A signed-in user's bucket. */
	public RateLimitPolicy authenticated() {
		return this.authenticated;
	}

	/** A client address's bucket, for requests without a valid token. */
	public RateLimitPolicy anonymous() {
		return this.anonymous;
	}

	/**
	 * @param method the request's method
	 * @param path the request's path
	 * @return the strict policy for the request, or {@code null} if it has none
	 */
	public @Nullable RateLimitPolicy strictFor(HttpMethod method, PathContainer path) {
		for (StrictPolicy policy : this.strict) {
			if (policy.rule().matches(method, path)) {
				return policy.policy();
			}
		}
		return null;
	}

	private record StrictPolicy(RequestRule rule, RateLimitPolicy policy) {

	}

}
