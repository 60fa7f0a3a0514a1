package com.notalabel.ai.thread;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.fact.Facts;
import com.notalabel.ai.fact.PlatformFacts;
import com.notalabel.ai.insight.TrackInsights;
import com.notalabel.ai.provider.Provider;
import com.notalabel.ai.writing.Writer;
import com.notalabel.ai.writing.Writer.StreamListener;
import com.notalabel.ai.writing.Written;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.shared.web.ProblemException;
import com.notalabel.types.id.UserId;

/**
 * Conversations about the artist's own data. An answer comes whole, or streamed as
 * server-sent events when asked with {@code Accept: text/event-stream}: {@code delta}
 * events with pieces of text, {@code retry} when the grounding check sends the answer
 * back once, then {@code done} with the checked answer as stored (which may differ from
 * the pieces: it is what counts), or {@code error} with a problem.
 */
@RestController
class ThreadController {

	private static final Logger log = LoggerFactory.getLogger(ThreadController.class);

	/** Longer than any answer takes, shorter than the gateway's stream route timeout. */
	private static final Duration STREAM_TIMEOUT = Duration.ofSeconds(150);

	private final Threads threads;

	private final Facts facts;

	private final Provider provider;

	private final Writer writer;

	private final ExecutorService streams = Executors.newVirtualThreadPerTaskExecutor();

	ThreadController(Threads threads, Facts facts, Provider provider, Writer writer) {
		this.threads = threads;
		this.facts = facts;
		this.provider = provider;
		this.writer = writer;
	}

	@PostMapping("/api/v1/ai/threads")
	ResponseEntity<ThreadResponse> create(CurrentUser user,
			@Valid @RequestBody(required = false) @Nullable NewThread request) {
		this.provider.checkReady(user.id());
		String title = (request != null && request.title() != null && !request.title().isBlank())
				? request.title().strip() : "New conversation";
		Threads.ThreadSummary thread = this.threads.create(user.id(), title);
		return ResponseEntity.created(URI.create("/api/v1/ai/threads/" + thread.id()))
			.body(ThreadResponse.of(thread, List.of()));
	}

	@GetMapping("/api/v1/ai/threads")
	PageResponse<ThreadResponse> list(CurrentUser user, @RequestParam(defaultValue = "0") int page,
			@RequestParam(defaultValue = "20") int size) {
		int safePage = Math.max(0, page);
		int safeSize = Math.min(100, Math.max(1, size));
		return new PageResponse<>(this.threads.list(user.id(), safePage, safeSize)
			.stream()
			.map((thread) -> ThreadResponse.of(thread, null))
			.toList(), safePage, safeSize, this.threads.count(user.id()));
	}

	@GetMapping("/api/v1/ai/threads/{id}")
	ThreadResponse get(CurrentUser user, @PathVariable UUID id) {
		Threads.ThreadSummary thread = this.threads.find(user.id(), id).orElseThrow(() -> new ThreadNotFound(id));
		return ThreadResponse.of(thread, this.threads.messages(id));
	}

	@PostMapping(path = "/api/v1/ai/threads/{id}/messages", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<MessageResponse> ask(CurrentUser user, @PathVariable UUID id,
			@Valid @RequestBody NewMessage request) {
		Question question = prepare(user.id(), id, request);
		Written answer = this.writer.write(user.id(), "thread", question.sheet(), question.messages(), List.of(), null);
		MessageResponse stored = this.threads.answered(id, request.content(), answer);
		return ResponseEntity.created(URI.create("/api/v1/ai/threads/" + id)).body(stored);
	}

	@PostMapping(path = "/api/v1/ai/threads/{id}/messages", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter askStreamed(CurrentUser user, @PathVariable UUID id, @Valid @RequestBody NewMessage request) {
		// Refusals (no thread, no provider, no budget) come before the stream opens, as problems.
		Question question = prepare(user.id(), id, request);
		SseEmitter emitter = new SseEmitter(STREAM_TIMEOUT.toMillis());
		this.streams.execute(() -> answer(user.id(), id, request, question, emitter));
		return emitter;
	}

	private void answer(UserId owner, UUID id, NewMessage request, Question question, SseEmitter emitter) {
		try {
			Written answer = this.writer.write(owner, "thread", question.sheet(), question.messages(), List.of(),
					new StreamListener() {
						@Override
						public void piece(String text) {
							send(emitter, "delta", Map.of("text", text));
						}

						@Override
						public void retrying(List<String> unknown) {
							send(emitter, "retry", Map.of("unknownNumbers", unknown));
						}
					});
			send(emitter, "done", this.threads.answered(id, request.content(), answer));
			emitter.complete();
		}
		catch (ProblemException ex) {
			send(emitter, "error", Map.of("status", ex.status().value(), "code", ex.code(), "title",
					(ex.title() != null) ? ex.title() : "", "detail", ex.detail()));
			emitter.complete();
		}
		catch (ClientGone ex) {
			log.debug("The artist left before the answer was complete");
		}
		catch (RuntimeException ex) {
			log.error("Answering in thread {} failed", id, ex);
			send(emitter, "error", Map.of("status", 500, "code", "ai.answer_failed", "title", "The answer failed",
					"detail", "The answer could not be written; nothing was stored. Try again."));
			emitter.complete();
		}
	}

	private static void send(SseEmitter emitter, String event, Object data) {
		try {
			emitter.send(SseEmitter.event().name(event).data(data, MediaType.APPLICATION_JSON));
		}
		catch (IOException | IllegalStateException ex) {
			throw new ClientGone(ex);
		}
	}

	private Question prepare(UserId owner, UUID id, NewMessage request) {
		this.threads.find(owner, id).orElseThrow(() -> new ThreadNotFound(id));
		this.provider.checkReady(owner);
		FactSheet own = this.facts.sheetOf(owner);
		FactSheet sheet = own.with(PlatformFacts.all());
		for (Fact fact : own.all()) {
			if (fact.id().endsWith(":integrated_lufs")) {
				sheet = sheet.with(TrackInsights.derivedFacts(fact.subject().substring("track:".length()), own));
			}
		}
		List<Message> messages = new ArrayList<>();
		for (MessageResponse earlier : this.threads.recent(id)) {
			messages
				.add(earlier.role().equals("user")
						? new UserMessage(Writer.payload("An earlier question of this conversation.",
								new FactSheet(List.of()), earlier.content()))
						: new AssistantMessage(earlier.content()));
		}
		messages.add(new UserMessage(Writer.payload("Answer the artist's question about their own data, in the"
				+ " language of the question, in a few sentences.", sheet, request.content())));
		return new Question(sheet, messages);
	}

	private record Question(FactSheet sheet, List<Message> messages) {

	}

	/**
	 * @param title what the conversation is about; {@code New conversation} when absent
	 */
	record NewThread(@Nullable @Size(max = 120) String title) {

	}

	/**
	 * @param content the artist's question
	 */
	record NewMessage(@NotBlank @Size(max = 4000) String content) {

	}

	/**
	 * @param id the thread
	 * @param title its title
	 * @param createdAt when it was started
	 * @param updatedAt when it last had an answer
	 * @param messages its messages in order; absent in a list of threads
	 */
	record ThreadResponse(UUID id, String title, Instant createdAt, Instant updatedAt,
			@Nullable List<MessageResponse> messages) {

		static ThreadResponse of(Threads.ThreadSummary thread, @Nullable List<MessageResponse> messages) {
			return new ThreadResponse(thread.id(), thread.title(), thread.createdAt(), thread.updatedAt(), messages);
		}

	}

	private static final class ClientGone extends RuntimeException {

		ClientGone(Throwable cause) {
			super(cause.getMessage(), cause);
		}

	}

}
