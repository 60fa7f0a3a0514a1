package com.notalabel.gateway.web;

/**
 * An expected refusal raised where the gateway cannot write its answer itself (inside a
 * request body, for instance); {@link GatewayErrorHandler} renders its problem. No stack
 * trace: it is an outcome, not a fault.
 */
public class GatewayProblem extends RuntimeException {

	private final Problem problem;

	public GatewayProblem(Problem problem) {
		super(problem.code(), null, false, false);
		this.problem = problem;
	}

	public Problem problem() {
		return this.problem;
	}

}
