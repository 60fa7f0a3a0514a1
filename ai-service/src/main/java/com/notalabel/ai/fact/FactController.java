package com.notalabel.ai.fact;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;

/**
 * The signed-in artist's fact sheet.
 */
@RestController
class FactController {

	private final Facts facts;

	FactController(Facts facts) {
		this.facts = facts;
	}

	@GetMapping("/api/v1/ai/facts")
	FactSheetResponse facts(CurrentUser user) {
		return new FactSheetResponse(this.facts.sheetOf(user.id()).all().stream().map(FactResponse::of).toList(),
				PlatformFacts.all().stream().map(FactResponse::of).toList());
	}

	/**
	 * @param facts what the platform knows about the artist, from its events
	 * @param platformFacts what advice rests on besides: store references and lead times
	 */
	record FactSheetResponse(List<FactResponse> facts, List<FactResponse> platformFacts) {

	}

}
