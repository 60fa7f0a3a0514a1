package com.notalabel.user.account;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.UserId;

/**
 * The signed-in person's own account, as {@code GET /api/v1/users/me} and every sign-in
 * answer it.
 *
 * @param id the user id
 * @param email the address, normalised
 * @param emailVerified whether the person proved they own it
 * @param displayName the name shown everywhere
 * @param handle the public name in profile URLs, or {@code null}
 * @param bio the artist's description, or {@code null}
 * @param genres genres, most important first
 * @param location where the artist is based, or {@code null}
 * @param links links to other pages
 * @param avatarUrl where a browser loads the profile picture (512 px; {@code &size=96}
 * for the small one), a path on the platform's origin, or {@code null} when there is none
 * @param roles what the person may do
 * @param createdAt when the account was created
 */
public record UserResponse(UserId id, String email, boolean emailVerified, String displayName, @Nullable String handle,
		@Nullable String bio, List<String> genres, @Nullable String location, List<Link> links,
		@Nullable String avatarUrl, List<String> roles, Instant createdAt) {

	public static UserResponse of(Account account) {
		Profile profile = account.profile();
		return new UserResponse(account.id(), account.email(), account.isEmailVerified(), profile.displayName(),
				profile.handle(), profile.bio(), profile.genres(), profile.location(), profile.links(),
				AvatarUrls.of(account), account.roleNames(), account.createdAt());
	}

}
