package com.notalabel.user.avatar;

import java.io.IOException;
import java.time.Duration;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;
import com.notalabel.user.account.UserResponse;
import com.notalabel.user.avatar.Avatars.Picture;

@RestController
class AvatarController {

	/** A URL naming the current upload ({@code ?v=}) never changes what it returns. */
	private static final CacheControl FOR_GOOD = CacheControl.maxAge(Duration.ofDays(365)).immutable();

	private final Avatars avatars;

	AvatarController(Avatars avatars) {
		this.avatars = avatars;
	}

	/**
	 * Replaces the profile picture. The request body is the image itself: JPEG, PNG or
	 * WebP, at most 5 MB, at least 96 pixels a side; what the bytes are decides, not the
	 * declared type. It is cropped to its centred square and stored as 512 and 96 pixel
	 * JPEGs without any of the upload's metadata.
	 */
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The image file itself", required = true,
			content = {
					@Content(mediaType = MediaType.IMAGE_JPEG_VALUE,
							schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = MediaType.IMAGE_PNG_VALUE,
							schema = @Schema(type = "string", format = "binary")),
					@Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")) })
	@PutMapping(path = "/api/v1/users/me/avatar", consumes = { "image/*", MediaType.APPLICATION_OCTET_STREAM_VALUE })
	UserResponse replaceAvatar(CurrentUser user, HttpServletRequest request) throws IOException {
		return this.avatars.replace(user.id(), request.getInputStream(), request.getContentLengthLong());
	}

	@DeleteMapping("/api/v1/users/me/avatar")
	ResponseEntity<Void> removeAvatar(CurrentUser user) {
		this.avatars.remove(user.id());
		return ResponseEntity.noContent().build();
	}

	/**
	 * The person's own picture ({@code size} 512 or 96), also before the profile has a
	 * handle and is public.
	 */
	@GetMapping(path = "/api/v1/users/me/avatar", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> ownAvatar(CurrentUser user, @RequestParam(defaultValue = "512") String size,
			@RequestParam(name = "v", required = false) @Nullable String version,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		Picture picture = this.avatars.ofUser(user.id(), parse(size));
		return answer(picture, version, ifNoneMatch, false);
	}

	/**
	 * An artist's public picture ({@code size} 512 or 96): anyone may load it, and caches
	 * may keep it (for good when {@code v} names the current upload, as the profile's
	 * {@code avatarUrl} does).
	 */
	@GetMapping(path = "/api/v1/artists/{handle}/avatar", produces = MediaType.IMAGE_JPEG_VALUE)
	ResponseEntity<byte[]> artistAvatar(@PathVariable String handle, @RequestParam(defaultValue = "512") String size,
			@RequestParam(name = "v", required = false) @Nullable String version,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) @Nullable String ifNoneMatch) {
		Picture picture = this.avatars.ofArtist(handle, parse(size));
		return answer(picture, version, ifNoneMatch, true);
	}

	private ResponseEntity<byte[]> answer(Picture picture, @Nullable String version, @Nullable String ifNoneMatch,
			boolean shared) {
		CacheControl cache = picture.avatar().toString().equals(version) ? FOR_GOOD
				// Any other URL shows whatever is current: a cache asks each time (a 304 when
				// unchanged).
				: CacheControl.noCache();
		cache = shared ? cache.cachePublic() : cache.cachePrivate();
		String etag = picture.etag();
		if (ifNoneMatch != null && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).cacheControl(cache).build();
		}
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(cache)
			.contentType(MediaType.IMAGE_JPEG)
			.body(this.avatars.content(picture));
	}

	private static AvatarSize parse(String size) {
		return AvatarSize.parse(size).orElseThrow(AvatarSizeUnknown::new);
	}

}
