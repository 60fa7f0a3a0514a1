package com.notalabel.ai.provider;

import org.springframework.http.HttpStatus;

import com.notalabel.shared.web.ProblemException;

/**
 * No model provider is configured, so nothing can be written.
 */
public final class ProviderNotConfigured extends ProblemException {

	ProviderNotConfigured() {
		super(HttpStatus.SERVICE_UNAVAILABLE, "ai.provider_not_configured", "No AI provider is configured",
				"Writing needs a model: set AI_PROVIDER=openai with OPENAI_API_KEY (or OPENAI_BASE_URL for an"
						+ " OpenAI-compatible server, and OPENAI_MODEL), or AI_PROVIDER=anthropic with"
						+ " ANTHROPIC_API_KEY (and ANTHROPIC_MODEL), for ai-service. Facts, track insights and the"
						+ " rule-based plan work without one.");
	}

}
