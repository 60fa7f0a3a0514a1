package com.notalabel.ai.provider;

import java.time.Duration;
import java.time.Instant;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * The artist used today's tokens.
 */
public final class BudgetExhausted extends ProblemException {

	BudgetExhausted(long budget, Instant resetsAt, Instant now) {
		super(HttpStatus.TOO_MANY_REQUESTS, "ai.budget_exhausted", "Today's AI budget is used up",
				"You used today's " + budget + " tokens of writing; the budget resets at " + resetsAt
						+ ". Track insights and the rule-based plan still work.");
		with("resetsAt", resetsAt.toString());
		withHeader("Retry-After", Long.toString(Math.max(1, Duration.between(now, resetsAt).toSeconds())));
	}

}
