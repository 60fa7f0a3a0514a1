package com.notalabel.notification.live;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import com.notalabel.shared.security.CurrentUser;

@RestController
class LiveController {

	private final LiveStream stream;

	LiveController(LiveStream stream) {
		this.stream = stream;
	}

	/**
	 * The browser's {@code EventSource} sends {@code Last-Event-ID} itself when it
	 * reconnects; a page opened anew can pass the last id it knows as
	 * {@code lastEventId}. An id that is not a number is treated as none: the browser
	 * then gets only what is new.
	 */
	@GetMapping(path = "/api/v1/notifications/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	ResponseEntity<SseEmitter> stream(CurrentUser user,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String header,
			@RequestParam(name = "lastEventId", required = false) @Nullable String parameter) {
		// no-transform: a proxy that compresses (the web app's server under ./platform up) would hold the
		// events back until the stream ends.
		return ResponseEntity.ok()
			.cacheControl(CacheControl.noCache().noTransform())
			.body(this.stream.open(user.id(), lastSeen((header != null) ? header : parameter)));
	}

	private static long lastSeen(@Nullable String id) {
		if (id == null) {
			return 0;
		}
		try {
			return Math.max(0, Long.parseLong(id.strip()));
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

}
