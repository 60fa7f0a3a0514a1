package com.notalabel.music.album;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.shared.web.PageQuery;
import com.notalabel.shared.web.PageResponse;
import com.notalabel.types.id.AlbumId;

@RestController
class AlbumController {

	private final Albums albums;

	AlbumController(Albums albums) {
		this.albums = albums;
	}

	@PostMapping("/api/v1/albums")
	ResponseEntity<AlbumResponse> create(CurrentUser user, @RequestBody AlbumRequest request) {
		AlbumResponse album = this.albums.create(user.id(), request);
		return ResponseEntity.created(URI.create("/api/v1/albums/" + album.id())).body(album);
	}

	/**
	 * A page of the artist's albums, newest first unless {@code sort} says otherwise
	 * ({@code created} or {@code title}, optionally followed by {@code ,asc} or
	 * {@code ,desc}; the same rule as the track list).
	 */
	@GetMapping("/api/v1/albums")
	PageResponse<AlbumResponse> list(CurrentUser user, @RequestParam(defaultValue = PageQuery.FIRST_PAGE) int page,
			@RequestParam(defaultValue = PageQuery.DEFAULT_SIZE) int size,
			@RequestParam(defaultValue = Albums.DEFAULT_SORT) String sort) {
		return this.albums.list(user.id(), PageQuery.of(page, size), sort);
	}

	@GetMapping("/api/v1/albums/{id}")
	AlbumResponse get(CurrentUser user, @PathVariable UUID id) {
		return this.albums.get(user.id(), AlbumId.of(id));
	}

	/**
	 * A JSON merge patch of the album's details; tracks and artwork have their own
	 * endpoints.
	 */
	@PatchMapping(path = "/api/v1/albums/{id}", consumes = { "application/merge-patch+json", "application/json" })
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A JSON merge patch (RFC 7396) of these fields",
			content = @Content(schema = @Schema(implementation = AlbumRequest.class)))
	AlbumResponse update(CurrentUser user, @PathVariable UUID id, @RequestBody Map<String, @Nullable Object> patch) {
		return this.albums.update(user.id(), AlbumId.of(id), patch);
	}

	@DeleteMapping("/api/v1/albums/{id}")
	ResponseEntity<Void> delete(CurrentUser user, @PathVariable UUID id) {
		this.albums.delete(user.id(), AlbumId.of(id));
		return ResponseEntity.noContent().build();
	}

	/**
	 * Replaces the running order.
	 */
	@PutMapping("/api/v1/albums/{id}/tracks")
	AlbumResponse arrange(CurrentUser user, @PathVariable UUID id, @RequestBody TrackListRequest request) {
		return this.albums.arrange(user.id(), AlbumId.of(id), request);
	}

}
