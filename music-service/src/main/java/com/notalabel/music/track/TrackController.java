package com.notalabel.music.track;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.id.TrackId;

/**
 * The artist's tracks. Uploading is {@code POST /api/v1/tracks}, in {@code upload}.
 */
@RestController
class TrackController {

	private final Tracks tracks;

	TrackController(Tracks tracks) {
		this.tracks = tracks;
	}

	/**
	 * A page of the artist's tracks, newest first unless {@code sort} says otherwise
	 * ({@code created} or {@code title}, with {@code ,asc} or {@code ,desc}).
	 */
	@GetMapping("/api/v1/tracks")
	PageResponse<TrackResponse> list(CurrentUser user, @RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size,
			@RequestParam(required = false) @Nullable String status,
			@RequestParam(defaultValue = TrackListQuery.DEFAULT_SORT) String sort) {
		return this.tracks.list(user.id(), TrackListQuery.of(page, size, status, sort));
	}

	@GetMapping("/api/v1/tracks/{id}")
	TrackResponse get(CurrentUser user, @PathVariable UUID id) {
		return this.tracks.get(user.id(), TrackId.of(id));
	}

	/**
	 * A JSON merge patch of the metadata: title, versionTitle, isrc, explicit, genre,
	 * language and credits; nothing else.
	 */
	@PatchMapping(path = "/api/v1/tracks/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A JSON merge patch (RFC 7396) of these fields",
			content = @Content(schema = @Schema(implementation = TrackDetailsRequest.class)))
	TrackResponse update(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, @Nullable Object> patch) {
		return this.tracks.update(user.id(), TrackId.of(id), patch);
	}

	@DeleteMapping("/api/v1/tracks/{id}")
	ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
		this.tracks.delete(user.id(), TrackId.of(id));
		return ResponseEntity.noContent().build();
	}

	/**
	 * Redirects to a download of the uploaded file, valid for a few minutes.
	 */
	@GetMapping("/api/v1/tracks/{id}/original")
	ResponseEntity<Void> original(CurrentUser user, @PathVariable UUID id) {
		return redirect(this.tracks.original(user.id(), TrackId.of(id)));
	}

	/**
	 * Redirects to the streaming rendition, valid for a few minutes; 409 while the track
	 * is processed or if processing failed.
	 */
	@GetMapping("/api/v1/tracks/{id}/stream")
	ResponseEntity<Void> stream(CurrentUser user, @PathVariable UUID id) {
		return redirect(this.tracks.stream(user.id(), TrackId.of(id)));
	}

	private static ResponseEntity<Void> redirect(java.net.URI location) {
		// The URL expires: no cache may keep the redirect longer than the signature lives.
		return ResponseEntity.status(HttpStatus.FOUND).location(location).cacheControl(CacheControl.noStore()).build();
	}

}
