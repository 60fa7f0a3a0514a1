package com.notalabel.ai.provider;

import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.anthropic.autoconfigure.AnthropicChatAutoConfiguration;
import org.springframework.ai.model.openai.autoconfigure.OpenAiChatAutoConfiguration;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operator who chose a provider but set no key yet still gets a service that starts:
 * writing then answers that the provider is not configured.
 */
class ProviderStartUpTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ToolCallingAutoConfiguration.class, OpenAiChatAutoConfiguration.class,
				AnthropicChatAutoConfiguration.class));

	@Test
	void startsWithOpenAiChosenAndNoKey() {
		this.runner
			.withPropertyValues("spring.ai.model.chat=openai", "spring.ai.openai.api-key=",
					"spring.ai.openai.base-url=https://api.openai.com/v1")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(ChatModel.class);
			});
	}

	@Test
	void startsWithAnthropicChosenAndNoKey() {
		this.runner.withPropertyValues("spring.ai.model.chat=anthropic", "spring.ai.anthropic.api-key=")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void createsNoModelWithNoProviderChosen() {
		this.runner.withPropertyValues("spring.ai.model.chat=none")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ChatModel.class));
	}

}
