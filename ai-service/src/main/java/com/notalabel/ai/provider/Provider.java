package com.notalabel.ai.provider;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import com.anthropic.errors.AnthropicIoException;
import com.anthropic.errors.AnthropicServiceException;
import com.openai.errors.OpenAIIoException;
import com.openai.errors.OpenAIServiceException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import com.notalabel.types.id.UserId;

/**
 * The configured model provider (ADR 40), behind the artist's daily budget, retries with
 * jitter and a circuit breaker. Every message is scrubbed of personal data before it
 * leaves ({@link PersonalData}). A failed call costs nothing and becomes a 503 that says
 * so; what the provider said is logged, never shown.
 */
@Component
public class Provider {

	private static final Logger log = LoggerFactory.getLogger(Provider.class);

	private final @Nullable ChatModel model;

	private final String name;

	private final String modelName;

	private final TokenBudget budget;

	private final CircuitBreaker breaker;

	private final Retry retry;

	Provider(ObjectProvider<ChatModel> models, Environment environment, TokenBudget budget,
			CircuitBreakerRegistry breakers, RetryRegistry retries) {
		this.name = environment.getProperty("spring.ai.model.chat", "none").toLowerCase(Locale.ROOT);
		this.model = configured(this.name, environment) ? models.getIfAvailable() : null;
		this.modelName = environment.getProperty("spring.ai." + this.name + ".chat.options.model", this.name);
		this.budget = budget;
		this.breaker = breakers.circuitBreaker("ai-provider");
		this.retry = retries.retry("ai-provider");
	}

	private static boolean configured(String name, Environment environment) {
		return switch (name) {
			case "openai" -> !environment.getProperty("spring.ai.openai.api-key", "").isBlank()
					|| !environment.getProperty("spring.ai.openai.base-url", "").contains("api.openai.com");
			case "anthropic" -> !environment.getProperty("spring.ai.anthropic.api-key", "").isBlank();
			default -> false;
		};
	}

	public boolean isConfigured() {
		return this.model != null;
	}

	/**
	 * Refuses early, before a stream is opened, what a call would refuse.
	 * @param owner the artist
	 * @throws ProviderNotConfigured without a provider
	 * @throws BudgetExhausted when today's budget is used
	 */
	public void checkReady(UserId owner) {
		if (this.model == null) {
			throw new ProviderNotConfigured();
		}
		this.budget.check(owner);
	}

	/**
	 * Asks for one whole answer.
	 * @param owner the artist, whose budget pays
	 * @param purpose what it is for, as recorded ({@code content}, {@code guidance}, ...)
	 * @param system the fixed system prompt
	 * @param messages the conversation, the artist's data included
	 * @return the answer
	 */
	public Completion call(UserId owner, String purpose, String system, List<Message> messages) {
		ChatModel chat = ready(owner);
		Prompt prompt = prompt(system, messages);
		Completion completion = resilient(() -> {
			try {
				ChatResponse response = chat.call(prompt);
				String text = (response.getResult() != null) ? response.getResult().getOutput().getText() : null;
				Usage usage = response.getMetadata().getUsage();
				return new Completion((text != null) ? text : "", tokens(usage, true), tokens(usage, false));
			}
			catch (RuntimeException ex) {
				throw classify(ex);
			}
		});
		this.budget.record(owner, purpose, this.name, this.modelName, completion);
		return completion;
	}

	/**
	 * Asks for an answer streamed as it is written. A failure before the first piece is
	 * retried like a call; one after it ends the answer with a 503.
	 * @param owner the artist, whose budget pays
	 * @param purpose what it is for
	 * @param system the fixed system prompt
	 * @param messages the conversation
	 * @param pieces receives each piece of text as it arrives
	 * @return the whole answer
	 */
	public Completion stream(UserId owner, String purpose, String system, List<Message> messages,
			Consumer<String> pieces) {
		ChatModel chat = ready(owner);
		Prompt prompt = prompt(system, messages);
		AtomicBoolean started = new AtomicBoolean();
		Completion completion = resilient(() -> {
			StringBuilder text = new StringBuilder();
			int[] tokens = { 0, 0 };
			try {
				for (ChatResponse chunk : chat.stream(prompt).toIterable()) {
					String piece = (chunk.getResult() != null) ? chunk.getResult().getOutput().getText() : null;
					if (piece != null && !piece.isEmpty()) {
						started.set(true);
						text.append(piece);
						pieces.accept(piece);
					}
					Usage usage = chunk.getMetadata().getUsage();
					if (usage != null && tokens(usage, true) + tokens(usage, false) > 0) {
						tokens[0] = Math.max(tokens[0], tokens(usage, true));
						tokens[1] = Math.max(tokens[1], tokens(usage, false));
					}
				}
			}
			catch (RuntimeException ex) {
				RuntimeException failure = classify(ex);
				if (started.get() && failure instanceof ProviderFailure) {
					// Pieces already went to the artist: a retry would repeat them.
					throw new NotRetried(failure);
				}
				throw failure;
			}
			return new Completion(text.toString(), tokens[0], tokens[1]);
		});
		this.budget.record(owner, purpose, this.name, this.modelName, completion);
		return completion;
	}

	private ChatModel ready(UserId owner) {
		checkReady(owner);
		return java.util.Objects.requireNonNull(this.model);
	}

	private Completion resilient(Supplier<Completion> attempt) {
		try {
			return this.breaker.executeSupplier(Retry.decorateSupplier(this.retry, attempt));
		}
		catch (ProviderFailure | NotRetried | CallNotPermittedException ex) {
			log.warn("The AI provider {} failed: {}", this.name, ex.getMessage());
			throw new ProviderUnavailable(this.name);
		}
	}

	private static Prompt prompt(String system, List<Message> messages) {
		List<Message> all = new java.util.ArrayList<>();
		all.add(new SystemMessage(system));
		for (Message message : messages) {
			String text = PersonalData.scrub((message.getText() != null) ? message.getText() : "");
			all.add((message instanceof UserMessage) ? new UserMessage(text)
					: new org.springframework.ai.chat.messages.AssistantMessage(text));
		}
		return new Prompt(all);
	}

	/**
	 * What a failure means: worth another attempt (rate limit, server error, timeout,
	 * network), or not (a refused key or request), which still becomes a 503 for the
	 * artist, since it is the platform's configuration that is wrong.
	 */
	static RuntimeException classify(RuntimeException ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof OpenAIServiceException service) {
				return classify(service.statusCode(), ex);
			}
			if (cause instanceof AnthropicServiceException service) {
				return classify(service.statusCode(), ex);
			}
			if (cause instanceof OpenAIIoException || cause instanceof AnthropicIoException
					|| cause instanceof IOException || cause instanceof InterruptedIOException) {
				return new ProviderFailure("I/O: " + cause.getMessage(), ex);
			}
		}
		return new ProviderFailure(ex.getClass().getSimpleName() + ": " + ex.getMessage(), ex);
	}

	private static RuntimeException classify(int status, RuntimeException ex) {
		if (status == 408 || status == 409 || status == 429 || status >= 500) {
			return new ProviderFailure("HTTP " + status + ": " + ex.getMessage(), ex);
		}
		return new NotRetried(new ProviderFailure("HTTP " + status + " (not retried): " + ex.getMessage(), ex));
	}

	private static int tokens(@Nullable Usage usage, boolean prompt) {
		if (usage == null) {
			return 0;
		}
		Integer value = prompt ? usage.getPromptTokens() : usage.getCompletionTokens();
		return (value != null) ? value : 0;
	}

	/**
	 * A failure no retry may follow: an answer already partly sent (a retry would send
	 * its pieces twice), or a request the provider refused as such (a wrong key, a bad
	 * request), which another attempt would not fix. Still a 503 for the artist, and not
	 * counted by the breaker.
	 */
	static final class NotRetried extends RuntimeException {

		NotRetried(Throwable cause) {
			super(cause.getMessage(), cause);
		}

	}

}
