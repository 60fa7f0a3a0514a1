package com.notalabel.payment.split;

import java.util.UUID;

import jakarta.validation.Valid;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.id.TrackId;

/**
 * A track's royalty split, for its owner.
 */
@RestController
class SplitController {

	private final Splits splits;

	SplitController(Splits splits) {
		this.splits = splits;
	}

	@GetMapping("/api/v1/payments/splits/{trackId}")
	SplitResponse get(CurrentUser user, @PathVariable UUID trackId) {
		return this.splits.get(user.id(), TrackId.of(trackId));
	}

	@PutMapping("/api/v1/payments/splits/{trackId}")
	SplitResponse put(CurrentUser user, @PathVariable UUID trackId, @Valid @RequestBody SplitRequest request) {
		return this.splits.put(user.id(), TrackId.of(trackId), request);
	}

}
