package com.notalabel.ai.guidance;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.fact.Facts;
import com.notalabel.ai.fact.PlatformFacts;
import com.notalabel.ai.guidance.GuidancePlanner.Point;
import com.notalabel.ai.insight.TrackInsights;
import com.notalabel.ai.provider.Provider;
import com.notalabel.ai.writing.Writer;
import com.notalabel.ai.writing.Written;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.ProblemException;

/**
 * The artist's plan: the rules' points always, written up by the model when one is
 * configured and answers. A plan never fails for want of a model.
 */
@RestController
class GuidanceController {

	private final Facts facts;

	private final Provider provider;

	private final Writer writer;

	GuidanceController(Facts facts, Provider provider, Writer writer) {
		this.facts = facts;
		this.provider = provider;
		this.writer = writer;
	}

	@PostMapping("/api/v1/ai/guidance")
	Guidance guidance(CurrentUser user) {
		FactSheet own = this.facts.sheetOf(user.id());
		FactSheet sheet = own.with(PlatformFacts.all());
		for (Fact fact : own.all()) {
			if (fact.id().endsWith(":integrated_lufs")) {
				String track = fact.subject().substring("track:".length());
				sheet = sheet.with(TrackInsights.derivedFacts(track, own));
			}
		}
		List<Point> points = GuidancePlanner.plan(sheet);
		if (!this.provider.isConfigured() || points.isEmpty()) {
			return new Guidance(points, null, this.provider.isConfigured() ? null : "ai.provider_not_configured");
		}
		try {
			List<Message> messages = new ArrayList<>();
			messages.add(new UserMessage(Writer.payload(
					"Write this plan up for the artist as a short, encouraging"
							+ " plan for the next weeks, in the order given, one paragraph per point: "
							+ String.join(" | ",
									points.stream().map((point) -> point.title() + ": " + point.detail()).toList()),
					sheet, null)));
			Written written = this.writer.write(user.id(), "guidance", sheet, messages,
					List.of((double) PlatformFacts.DELIVERY_LEAD_DAYS, (double) PlatformFacts.SPOTIFY_PITCH_LEAD_DAYS),
					null);
			return new Guidance(points, new WriteUp(written.text(), written.factIds(), written.ungroundedRemoved(),
					written.removedSentences()), null);
		}
		catch (ProblemException ex) {
			// Out of budget or the provider down: the rules' plan still stands.
			return new Guidance(points, null, ex.code());
		}
	}

	/**
	 * @param points the plan, each point citing its facts
	 * @param writeUp the model's write-up of the plan, or {@code null}
	 * @param writeUpUnavailable why there is no write-up, as a problem code, or
	 * {@code null}
	 */
	record Guidance(List<Point> points, @Nullable WriteUp writeUp, @Nullable String writeUpUnavailable) {

	}

	/**
	 * @param text the plan in prose
	 * @param factIds the facts it cites
	 * @param ungroundedRemoved whether sentences with numbers not in the facts were taken
	 * out
	 * @param removedSentences those sentences
	 */
	record WriteUp(String text, List<String> factIds, boolean ungroundedRemoved, List<String> removedSentences) {

	}

}
