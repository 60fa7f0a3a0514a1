package com.notalabel.ai.writing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.stereotype.Component;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.provider.Completion;
import com.notalabel.ai.provider.Provider;
import com.notalabel.ai.writing.Grounding.Checked;
import com.notalabel.types.id.UserId;

/**
 * Writes with the provider from the facts, and checks what comes back: an answer holding
 * a number the facts do not is written once more, told which numbers were wrong; if the
 * second still holds one, its sentences are taken out and the answer is flagged.
 */
@Component
public class Writer {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern CITATION = Pattern.compile("\\s?\\[([a-z_]+:[^\\]\\s]*)\\]");

	private final Provider provider;

	Writer(Provider provider) {
		this.provider = provider;
	}

	/**
	 * What the provider receives: the task, the facts and the artist's own words, as one
	 * JSON document, so that the artist's words stay data.
	 * @param task what to write, from the service's own words
	 * @param sheet the facts
	 * @param artistText the artist's own text for this request, if any
	 * @return the user message
	 */
	public static String payload(String task, FactSheet sheet, @Nullable String artistText) {
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("task", task);
		List<Map<String, String>> facts = new ArrayList<>();
		for (Fact fact : sheet.all()) {
			Map<String, String> entry = new LinkedHashMap<>();
			entry.put("id", fact.id());
			entry.put("label", fact.label());
			entry.put("value", fact.value());
			facts.add(entry);
		}
		document.put("facts", facts);
		if (artistText != null) {
			document.put("question", artistText);
		}
		return JSON.writeValueAsString(document);
	}

	/**
	 * Writes and checks an answer.
	 * @param owner the artist, whose budget pays
	 * @param purpose what for, as recorded
	 * @param sheet the facts the answer may use
	 * @param history the conversation so far, the last message the request
	 * @param taskNumbers numbers the task itself gave, which the answer may repeat
	 * @param stream receives the answer's pieces as they arrive, or {@code null} for one
	 * whole answer
	 * @return the checked answer
	 */
	public Written write(UserId owner, String purpose, FactSheet sheet, List<Message> history, List<Double> taskNumbers,
			@Nullable StreamListener stream) {
		Set<Double> known = Grounding.known(sheet, taskNumbers);
		Completion first = ask(owner, purpose, history, stream);
		int promptTokens = first.promptTokens();
		int completionTokens = first.completionTokens();
		String answer = first.text();
		int attempts = 1;
		List<String> unknown = Grounding.unknown(answer, known);
		if (!unknown.isEmpty()) {
			if (stream != null) {
				stream.retrying(unknown);
			}
			List<Message> again = new ArrayList<>(history);
			again.add(new AssistantMessage(answer));
			again.add(new UserMessage(JSON.writeValueAsString(
					Map.of("task", "Your answer used numbers that are not in the facts: " + String.join(", ", unknown)
							+ ". Write the same answer again using only numbers that appear in the facts."))));
			Completion second = ask(owner, purpose, again, stream);
			promptTokens += second.promptTokens();
			completionTokens += second.completionTokens();
			answer = second.text();
			attempts = 2;
		}
		Checked checked = Grounding.removeUngrounded(answer, known);
		Set<String> cited = new LinkedHashSet<>();
		Matcher citations = CITATION.matcher(checked.text());
		while (citations.find()) {
			if (sheet.has(citations.group(1))) {
				cited.add(citations.group(1));
			}
		}
		String text = CITATION.matcher(checked.text()).replaceAll("").strip();
		return new Written(text, List.copyOf(cited), !checked.removed().isEmpty(), checked.removed(), attempts,
				promptTokens, completionTokens);
	}

	private Completion ask(UserId owner, String purpose, List<Message> messages, @Nullable StreamListener stream) {
		if (stream == null) {
			return this.provider.call(owner, purpose, SystemPrompt.TEXT, messages);
		}
		Consumer<String> pieces = stream::piece;
		return this.provider.stream(owner, purpose, SystemPrompt.TEXT, messages, pieces);
	}

	/**
	 * Follows an answer as it is written.
	 */
	public interface StreamListener {

		void piece(String text);

		/**
		 * The answer just streamed held numbers not in the facts and is being written
		 * again.
		 * @param unknown the numbers as written
		 */
		void retrying(List<String> unknown);

	}

}
