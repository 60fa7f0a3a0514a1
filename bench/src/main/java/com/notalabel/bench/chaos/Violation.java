package com.notalabel.bench.chaos;

/**
 * A broken rule: what was sent, what came back, and which rule it broke.
 *
 * @param part fuzz, faults or crowds
 * @param method the method
 * @param target the path and query
 * @param label the case
 * @param status the status, or -1 for no answer
 * @param rule the rule, e.g. {@code 5xx}, {@code not problem+json}
 * @param excerpt the start of the body, or what was found instead
 */
public record Violation(String part, String method, String target, String label, int status, String rule,
		String excerpt) {

	static Violation of(String part, Exchange exchange, String rule) {
		return new Violation(part, exchange.method(), exchange.target(), exchange.label(), exchange.status(), rule,
				exchange.excerpt());
	}

}
