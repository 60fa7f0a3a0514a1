package com.notalabel.ai.provider;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.anthropic.autoconfigure.AnthropicChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.notalabel.ai.testing.TestProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchRuntimeException;

/**
 * Anthropic through the same Spring AI auto-configuration and the same variables the
 * service reads ({@code AI_PROVIDER=anthropic}), against its wire format: a whole
 * message, a streamed one from {@code message_start} to {@code message_stop}, and its
 * error bodies, which the provider treats as worth a retry.
 */
class AnthropicWireTests {

	private final TestProvider provider = TestProvider.shared();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(ToolCallingAutoConfiguration.class, AnthropicChatAutoConfiguration.class))
		.withPropertyValues("spring.ai.model.chat=anthropic",
				"spring.ai.anthropic.api-key=" + TestProvider.ANTHROPIC_KEY,
				"spring.ai.anthropic.base-url=" + this.provider.baseUrl(), "spring.ai.anthropic.max-retries=0",
				"spring.ai.anthropic.chat.options.model=claude-sonnet-4-5",
				"spring.ai.anthropic.chat.options.max-tokens=500");

	@BeforeEach
	void resetProvider() {
		this.provider.reset();
	}

	@Test
	void readsAWholeMessageWithItsTokens() {
		this.provider.anthropicAnswers("Nova makes synth-pop in Lisbon.");

		this.runner.run((context) -> {
			ChatResponse response = context.getBean(ChatModel.class).call(prompt());

			assertThat(response.getResult().getOutput().getText()).isEqualTo("Nova makes synth-pop in Lisbon.");
			assertThat(response.getMetadata().getUsage().getPromptTokens()).isEqualTo(640);
			assertThat(response.getMetadata().getUsage().getCompletionTokens()).isEqualTo(48);
		});
		String sent = this.provider.anthropicRequests().get(0).getBodyAsString();
		assertThat(sent).contains("\"system\"", "claude-sonnet-4-5");
		assertThat(this.provider.anthropicRequests().get(0).getHeader("x-api-key"))
			.isEqualTo(TestProvider.ANTHROPIC_KEY);
	}

	@Test
	void readsAStreamedMessagePieceByPiece() {
		String text = "Night Drive sits at -23 LUFS, so Spotify turns it up 9 dB.";
		this.provider.anthropicAnswers(text);

		this.runner.run((context) -> {
			List<String> pieces = new ArrayList<>();
			int[] output = { 0 };
			for (ChatResponse chunk : context.getBean(ChatModel.class).stream(prompt()).toIterable()) {
				if (chunk.getResult() != null && chunk.getResult().getOutput().getText() != null) {
					pieces.add(chunk.getResult().getOutput().getText());
				}
				if (chunk.getMetadata().getUsage() != null
						&& chunk.getMetadata().getUsage().getCompletionTokens() != null) {
					output[0] = Math.max(output[0], chunk.getMetadata().getUsage().getCompletionTokens());
				}
			}

			assertThat(String.join("", pieces)).isEqualTo(text);
			assertThat(pieces).hasSizeGreaterThan(1);
			assertThat(output[0]).isEqualTo(48);
		});
	}

	@Test
	void treatsOverloadAndRateLimitsAsWorthAnotherAttempt() {
		for (int status : new int[] { 429, 500, 529 }) {
			this.provider.reset();
			this.provider.anthropicFails(status);

			this.runner.run((context) -> {
				RuntimeException failure = catchRuntimeException(() -> context.getBean(ChatModel.class).call(prompt()));

				assertThat(Provider.classify(failure)).as("HTTP " + status).isInstanceOf(ProviderFailure.class);
			});
		}
	}

	private static Prompt prompt() {
		return new Prompt(
				List.of(new SystemMessage("You write for an artist."), new UserMessage("{\"task\":\"bio\"}")));
	}

}
