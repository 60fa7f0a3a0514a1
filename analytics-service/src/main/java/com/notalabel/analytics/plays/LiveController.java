package com.notalabel.analytics.plays;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.shared.security.CurrentUser;

/**
 * {@code GET /api/v1/analytics/live}: the artist's plays as they happen, as server-sent
 * events ({@code event: play}, JSON data).
 */
@RestController
class LiveController {

	private final LivePlays live;

	LiveController(LivePlays live) {
		this.live = live;
	}

	@GetMapping(path = "/api/v1/analytics/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> live(CurrentUser user) {
		// no-transform: a proxy that compresses (the web app's server under ./platform up) would hold the
		// plays back until the stream ends.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache().noTransform())
			.body(this.live.open(user.id().value()));
	}

}
