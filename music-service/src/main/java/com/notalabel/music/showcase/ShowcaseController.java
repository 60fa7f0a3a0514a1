package com.notalabel.music.showcase;

import java.time.Duration;
import java.util.UUID;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * The artist's own showcase ({@code /api/v1/showcase}, signed in) and anyone's view of an
 * artist's ({@code /api/v1/showcase/{artistId}...}, public: the gateway and this service
 * let them through without a token).
 */
@RestController
class ShowcaseController {

	/**
	 * Long enough to spare the service a crowd on a shared page, short enough for an edit
	 * to show soon.
	 */
	private static final CacheControl PUBLIC_LISTING = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

	private final Showcase showcase;

	ShowcaseController(Showcase showcase) {
		this.showcase = showcase;
	}

	@GetMapping("/api/v1/showcase")
	ShowcaseResponse own(CurrentUser user) {
		return this.showcase.of(user.id());
	}

	/**
	 * Replaces the tracks shown on the artist's public page: their own processed tracks,
	 * each once, first shown first; an empty list shows none.
	 */
	@PutMapping("/api/v1/showcase")
	ShowcaseResponse replace(CurrentUser user, @RequestBody ShowcaseRequest request) {
		return this.showcase.replace(user.id(), request);
	}

	@GetMapping("/api/v1/showcase/{artistId}")
	ResponseEntity<ShowcaseResponse> of(@PathVariable UUID artistId) {
		return ResponseEntity.ok().cacheControl(PUBLIC_LISTING).body(this.showcase.of(new UserId(artistId)));
	}

	/**
	 * Redirects to a showcased track's streaming rendition, valid for a few minutes; 404
	 * for any track the artist does not show.
	 */
	@GetMapping("/api/v1/showcase/{artistId}/{trackId}/stream")
	ResponseEntity<Void> stream(@PathVariable UUID artistId, @PathVariable UUID trackId) {
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(this.showcase.stream(new UserId(artistId), TrackId.of(trackId)))
			// The URL expires: no cache may keep the redirect longer than the signature lives.
			.cacheControl(CacheControl.noStore())
			.build();
	}

}
