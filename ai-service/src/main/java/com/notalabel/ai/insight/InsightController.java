package com.notalabel.ai.insight;

import java.util.UUID;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.ai.fact.Facts;
import com.notalabel.ai.insight.TrackInsights.Insights;
import com.notalabel.shared.security.CurrentUser;

/**
 * A track's insights, computed by rules from its owner's facts; no model is involved.
 */
@RestController
class InsightController {

	private final Facts facts;

	InsightController(Facts facts) {
		this.facts = facts;
	}

	@GetMapping("/api/v1/ai/tracks/{trackId}/insights")
	Insights insights(CurrentUser user, @PathVariable UUID trackId) {
		return TrackInsights.of(trackId.toString(), this.facts.sheetOf(user.id()))
			.orElseThrow(() -> new TrackNotFound(trackId));
	}

}
