package com.notalabel.user.account;

import java.util.Map;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.security.CurrentUser;

@RestController
class ProfileController {

	private final Profiles profiles;

	private final AccountDirectory accounts;

	ProfileController(Profiles profiles, AccountDirectory accounts) {
		this.profiles = profiles;
		this.accounts = accounts;
	}

	@GetMapping("/api/v1/users/me")
	UserResponse me(CurrentUser user) {
		return this.accounts.get(user.id());
	}

	/**
	 * A JSON merge patch of the profile: display name, handle, bio, genres, location and
	 * links; nothing else (the picture is uploaded to {@code /api/v1/users/me/avatar}).
	 */
	@PatchMapping(path = "/api/v1/users/me", consumes = { "application/merge-patch+json", "application/json" })
	@io.swagger.v3.oas.annotations.parameters.RequestBody(description = "A JSON merge patch (RFC 7396) of these fields",
			content = @Content(schema = @Schema(implementation = Profile.class)))
	UserResponse update(CurrentUser user, @RequestBody Map<String, @Nullable Object> patch) {
		return this.profiles.update(user.id(), patch);
	}

	@GetMapping("/api/v1/artists/{handle}")
	ArtistResponse artist(@PathVariable String handle) {
		return this.profiles.artist(handle);
	}

}
