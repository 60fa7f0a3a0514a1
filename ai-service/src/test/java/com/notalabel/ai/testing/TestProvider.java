package com.notalabel.ai.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

/**
 * OpenAI's and Anthropic's APIs for the tests: one WireMock server per JVM answering
 * {@code /v1/chat/completions} and {@code /v1/messages} with bodies shaped like the
 * providers' own (their API references' examples), streamed chunks and error bodies
 * included. The service reaches it through Spring AI and the providers' official SDKs,
 * only the base URL changed.
 */
public final class TestProvider {

	/** A key in OpenAI's form; WireMock checks nothing about it. */
	public static final String OPENAI_KEY = "sk-test-notalabel0000000000000000";

	public static final String ANTHROPIC_KEY = "sk-ant-test-notalabel000000000000";

	private static TestProvider shared;

	private final WireMockServer server;

	private TestProvider() {
		this.server = new WireMockServer(WireMockConfiguration.options()
			.dynamicPort()
			.bindAddress("127.0.0.1")
			.containerThreads(16)
			.jettyAcceptors(1));
		this.server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(this.server::stop, "test-provider-stop"));
	}

	public static synchronized TestProvider shared() {
		if (shared == null) {
			shared = new TestProvider();
		}
		return shared;
	}

	public String baseUrl() {
		return this.server.baseUrl();
	}

	public void reset() {
		this.server.resetAll();
	}

	/**
	 * OpenAI answers, one per call in turn (the last repeats), whole or streamed as
	 * asked.
	 * @param answers the answers' texts
	 */
	public void openAiAnswers(String... answers) {
		String scenario = "openai";
		for (int i = 0; i < answers.length; i++) {
			String state = (i == 0) ? Scenario.STARTED : "answer-" + i;
			String next = (i + 1 < answers.length) ? "answer-" + (i + 1) : state;
			this.server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario(scenario)
				.whenScenarioStateIs(state)
				.withRequestBody(containing("\"stream\":true"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "text/event-stream; charset=utf-8")
					.withBody(openAiChunks(answers[i])))
				.willSetStateTo(next));
			this.server.stubFor(post(urlEqualTo("/v1/chat/completions")).inScenario(scenario)
				.whenScenarioStateIs(state)
				.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("\"stream\":true"))
				.willReturn(aResponse().withStatus(200)
					.withHeader("Content-Type", "application/json")
					.withBody(openAiCompletion(answers[i], 812, 64)))
				.willSetStateTo(next));
		}
	}

	/**
	 * OpenAI answers with an error, as its API does.
	 * @param status 429 or 500
	 */
	public void openAiFails(int status) {
		String body = (status == 429) ? """
				{"error":{"message":"Rate limit reached for gpt-4o-mini in organization org-test on tokens per min \
				(TPM): Limit 200000, Used 199584, Requested 1183. Please try again in 230ms.","type":"tokens",\
				"param":null,"code":"rate_limit_exceeded"}}""" : """
				{"error":{"message":"The server had an error while processing your request. Sorry about that!",\
				"type":"server_error","param":null,"code":null}}""";
		this.server.stubFor(post(urlEqualTo("/v1/chat/completions")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("x-request-id", "req_test")
			.withBody(body)));
	}

	/**
	 * A whole Anthropic message.
	 * @param text the answer
	 */
	public void anthropicAnswers(String text) {
		this.server.stubFor(post(urlEqualTo("/v1/messages"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.notContaining("\"stream\":true"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
					{"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",\
					"model":"claude-sonnet-4-5-20250929","content":[{"type":"text","text":%s}],\
					"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":640,\
					"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":48,\
					"service_tier":"standard"}}""".formatted(json(text)))));
		this.server.stubFor(post(urlEqualTo("/v1/messages")).withRequestBody(containing("\"stream\":true"))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "text/event-stream; charset=utf-8")
				.withBody(anthropicEvents(text))));
	}

	/**
	 * Anthropic answers with an error, as its API does.
	 * @param status 429, 500 or 529
	 */
	public void anthropicFails(int status) {
		String type = switch (status) {
			case 429 -> "rate_limit_error";
			case 529 -> "overloaded_error";
			default -> "api_error";
		};
		this.server.stubFor(post(urlEqualTo("/v1/messages")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withHeader("request-id", "req_011CTestAnthropic")
			.withBody("{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + type.replace('_', ' ')
					+ "\"},\"request_id\":\"req_011CTestAnthropic\"}")));
	}

	public List<LoggedRequest> openAiRequests() {
		return this.server.findAll(postRequestedFor(urlEqualTo("/v1/chat/completions")));
	}

	public List<LoggedRequest> anthropicRequests() {
		return this.server.findAll(postRequestedFor(urlEqualTo("/v1/messages")));
	}

	static String openAiCompletion(String text, int promptTokens, int completionTokens) {
		return """
				{"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,\
				"model":"gpt-4o-mini-2024-07-18","choices":[{"index":0,"message":{"role":"assistant","content":%s,\
				"refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":%d,\
				"completion_tokens":%d,"total_tokens":%d,"prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},\
				"completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,"accepted_prediction_tokens":0,\
				"rejected_prediction_tokens":0}},"service_tier":"default","system_fingerprint":"fp_06737a9306"}"""
			.formatted(json(text), promptTokens, completionTokens, promptTokens + completionTokens);
	}

	static String openAiChunks(String text) {
		String head = "{\"id\":\"chatcmpl-123\",\"object\":\"chat.completion.chunk\",\"created\":1694268190,"
				+ "\"model\":\"gpt-4o-mini-2024-07-18\",\"system_fingerprint\":\"fp_44709d6fcb\",";
		StringBuilder body = new StringBuilder();
		body.append("data: ")
			.append(head)
			.append("\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null},"
					+ "\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
		for (String piece : pieces(text)) {
			body.append("data: ")
				.append(head)
				.append("\"choices\":[{\"index\":0,\"delta\":{\"content\":")
				.append(json(piece))
				.append("},\"logprobs\":null,\"finish_reason\":null}],\"usage\":null}\n\n");
		}
		body.append("data: ")
			.append(head)
			.append("\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
					+ "\"usage\":null}\n\n");
		body.append("data: ")
			.append(head)
			.append("\"choices\":[],\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":64,\"total_tokens\":876,"
					+ "\"prompt_tokens_details\":{\"cached_tokens\":0,\"audio_tokens\":0},"
					+ "\"completion_tokens_details\":{\"reasoning_tokens\":0,\"audio_tokens\":0,"
					+ "\"accepted_prediction_tokens\":0,\"rejected_prediction_tokens\":0}}}\n\n");
		body.append("data: [DONE]\n\n");
		return body.toString();
	}

	static String anthropicEvents(String text) {
		StringBuilder body = new StringBuilder();
		body.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":"
				+ "\"msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY\",\"type\":\"message\",\"role\":\"assistant\","
				+ "\"content\":[],\"model\":\"claude-sonnet-4-5-20250929\",\"stop_reason\":null,\"stop_sequence\":null,"
				+ "\"usage\":{\"input_tokens\":640,\"cache_creation_input_tokens\":0,\"cache_read_input_tokens\":0,"
				+ "\"output_tokens\":1,\"service_tier\":\"standard\"}}}\n\n");
		body.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
				+ "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
		body.append("event: ping\ndata: {\"type\": \"ping\"}\n\n");
		for (String piece : pieces(text)) {
			body.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,"
					+ "\"delta\":{\"type\":\"text_delta\",\"text\":")
				.append(json(piece))
				.append("}}\n\n");
		}
		body.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
		body.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\","
				+ "\"stop_sequence\":null},\"usage\":{\"output_tokens\":48}}\n\n");
		body.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
		return body.toString();
	}

	/** A text cut into pieces of a few words, as a model streams it. */
	static List<String> pieces(String text) {
		List<String> pieces = new ArrayList<>();
		String[] words = text.split("(?<= )");
		StringBuilder piece = new StringBuilder();
		for (String word : words) {
			piece.append(word);
			if (piece.length() > 12) {
				pieces.add(piece.toString());
				piece.setLength(0);
			}
		}
		if (!piece.isEmpty()) {
			pieces.add(piece.toString());
		}
		return pieces;
	}

	static String json(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
