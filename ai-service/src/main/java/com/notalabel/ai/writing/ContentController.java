package com.notalabel.ai.writing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.validation.Valid;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.ai.fact.FactResponse;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.fact.Facts;
import com.notalabel.ai.fact.PlatformFacts;
import com.notalabel.ai.insight.TrackInsights;
import com.notalabel.ai.insight.TrackNotFound;
import com.notalabel.ai.provider.Provider;
import com.notalabel.shared.security.CurrentUser;

/**
 * Texts the artist asks for, written by the model from their facts.
 */
@RestController
class ContentController {

	private final Facts facts;

	private final Writer writer;

	private final Provider provider;

	ContentController(Facts facts, Writer writer, Provider provider) {
		this.facts = facts;
		this.writer = writer;
		this.provider = provider;
	}

	@PostMapping("/api/v1/ai/content")
	ContentResponse write(CurrentUser user, @Valid @RequestBody ContentRequest request) {
		ContentKind kind = request.kind();
		if (request.maxChars() != null && request.maxChars() > kind.maxChars()) {
			throw new OverStoreLimit(kind, request.maxChars());
		}
		int maxChars = (request.maxChars() != null) ? request.maxChars() : kind.maxChars();
		FactSheet own = this.facts.sheetOf(user.id());
		StringBuilder task = new StringBuilder("Write ").append(kind.description())
			.append(". At most ")
			.append(maxChars)
			.append(" characters, citations not counted. Language: ")
			.append((request.language() != null) ? request.language() : "en")
			.append('.');
		FactSheet sheet = own.with(PlatformFacts.all());
		if (request.trackId() != null) {
			String track = request.trackId().toString();
			if (own.startingWith("track:" + track + ":").isEmpty()) {
				throw new TrackNotFound(request.trackId());
			}
			sheet = sheet.with(TrackInsights.derivedFacts(track, own));
			task.append(" It is about the track whose facts start with track:").append(track).append(':');
		}
		if (request.releaseId() != null) {
			String release = request.releaseId().toString();
			if (own.startingWith("release:" + release + ":").isEmpty()) {
				throw new ReleaseNotFound(request.releaseId());
			}
			task.append(" It is about the release whose facts start with release:").append(release).append(':');
		}
		if (request.tone() != null && !request.tone().isBlank()) {
			task.append(" Tone: ").append(request.tone().toLowerCase(Locale.ROOT)).append('.');
		}
		this.provider.checkReady(user.id());
		List<Message> messages = new ArrayList<>();
		messages.add(new UserMessage(Writer.payload(task.toString(), sheet, null)));
		Written written = this.writer.write(user.id(), "content:" + kind.name().toLowerCase(Locale.ROOT), sheet,
				messages, List.of((double) maxChars), null);
		FactSheet cited = sheet;
		return new ContentResponse(kind, fit(written.text(), maxChars), maxChars,
				written.factIds().stream().map((id) -> FactResponse.of(cited.get(id).orElseThrow())).toList(),
				written.ungroundedRemoved(), written.removedSentences());
	}

	/**
	 * A text within the limit: cut after the last whole sentence that fits, or at a word
	 * with an ellipsis when not even one does.
	 */
	static String fit(String text, int maxChars) {
		if (text.length() <= maxChars) {
			return text;
		}
		String head = text.substring(0, maxChars);
		int end = Math.max(head.lastIndexOf(". "), Math.max(head.lastIndexOf("! "), head.lastIndexOf("? ")));
		if (head.endsWith(".") || head.endsWith("!") || head.endsWith("?")) {
			end = head.length() - 1;
		}
		if (end > maxChars / 3) {
			return head.substring(0, end + 1).strip();
		}
		int space = head.lastIndexOf(' ', maxChars - 2);
		return head.substring(0, (space > 0) ? space : maxChars - 1).strip() + "…";
	}

}
