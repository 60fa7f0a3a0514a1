package com.notalabel.music.artwork;

import java.io.IOException;
import java.util.UUID;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.music.album.AlbumArtwork.Variant;
import com.notalabel.music.album.AlbumResponse;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.id.AlbumId;

@RestController
class ArtworkController {

	private final Artworks artworks;

	ArtworkController(Artworks artworks) {
		this.artworks = artworks;
	}

	/**
	 * Replaces the cover. The request body is the image itself, JPEG or PNG, square, at
	 * least 300 and at most 6000 pixels a side; 3000 × 3000 or more is what stores want.
	 * The declared type must be an image type; what the bytes are decides.
	 */
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The image file itself", required = true,
			content = {
					@Content(mediaType = MediaType.IMAGE_JPEG_VALUE,
							schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = MediaType.IMAGE_PNG_VALUE,
							schema = @Schema(type = "string", format = "binary")) })
	@PutMapping(path = "/api/v1/albums/{id}/artwork",
			consumes = { MediaType.IMAGE_JPEG_VALUE, MediaType.IMAGE_PNG_VALUE })
	AlbumResponse replace(CurrentUser user, @PathVariable UUID id, HttpServletRequest request) throws IOException {
		return this.artworks.replace(user.id(), AlbumId.of(id), request.getInputStream(),
				request.getContentLengthLong());
	}

	/**
	 * Redirects to a short-lived URL of the cover: {@code original} (metadata removed),
	 * or the JPEG rendition {@code 3000}, {@code 600} or {@code 300} pixels a side, each
	 * at most the original's size.
	 */
	@GetMapping("/api/v1/albums/{id}/artwork")
	ResponseEntity<Void> show(CurrentUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "3000") String size) {
		Variant variant = Variant.parse(size).orElseThrow(ArtworkSizeUnknown::new);
		return ResponseEntity.status(HttpStatus.FOUND)
			.location(this.artworks.locate(user.id(), AlbumId.of(id), variant))
			// The URL expires; a cached redirect would outlive it.
			.cacheControl(CacheControl.noStore())
			.build();
	}

	@DeleteMapping("/api/v1/albums/{id}/artwork")
	ResponseEntity<Void> remove(CurrentUser user, @PathVariable UUID id) {
		this.artworks.remove(user.id(), AlbumId.of(id));
		return ResponseEntity.noContent().build();
	}

}
