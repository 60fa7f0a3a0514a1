package com.notalabel.bench.chaos;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rules every answer of the platform keeps (ARCHITECTURE.md §3): no 5xx, every error
 * a problem+json document whose {@code status} is the HTTP status, and nothing of the
 * implementation (a stack frame, an exception, a package, SQL) in an error's body.
 */
final class Inspector {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final List<Pattern> LEAKS = List.of(Pattern.compile("\\bat [a-z]+\\.[a-zA-Z]"),
			Pattern.compile("Exception\\b"), Pattern.compile("\\borg\\.[a-z]+\\."),
			Pattern.compile("\\bjava\\.[a-z]+\\."), Pattern.compile("\\bjakarta\\.[a-z]+\\."),
			Pattern.compile("\\bSQL"), Pattern.compile("(?i)\\bselect\\b.*\\bfrom\\b"),
			Pattern.compile("(?i)\\binsert into\\b"), Pattern.compile("\\bcom\\.notalabel\\."),
			Pattern.compile("(?i)<html"));

	private Inspector() {
	}

	/**
	 * @param exchange what came back
	 * @param tolerated 5xx statuses that are the wanted answer here (502 and 503 while a
	 * service is down)
	 * @return the rules it broke, empty when it kept them all
	 */
	static List<String> broken(Exchange exchange, Set<Integer> tolerated) {
		List<String> rules = new ArrayList<>();
		if (!exchange.answered()) {
			return rules;
		}
		int status = exchange.status();
		if (status >= 500 && !tolerated.contains(status)) {
			rules.add("5xx");
		}
		if (status < 400) {
			return rules;
		}
		String type = exchange.contentType().toLowerCase(Locale.ROOT);
		if (!type.startsWith("application/problem+json")) {
			rules.add("not problem+json (" + (type.isEmpty() ? "no Content-Type" : type) + ")");
		}
		else {
			try {
				JsonNode problem = JSON.readTree(exchange.body());
				if (problem.path("status").asInt(-1) != status) {
					rules.add("problem status " + problem.path("status") + " is not the HTTP status");
				}
			}
			catch (JacksonException ex) {
				rules.add("problem+json body is not JSON");
			}
		}
		String text = exchange.text();
		for (Pattern leak : LEAKS) {
			if (leak.matcher(text).find()) {
				rules.add("body reveals the implementation (" + leak.pattern() + ")");
				break;
			}
		}
		return rules;
	}

}
