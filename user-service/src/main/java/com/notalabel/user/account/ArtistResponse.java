package com.notalabel.user.account;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.UserId;

/**
 * An artist's public profile: what anyone may see, nothing about the account.
 *
 * @param id the artist's user id, the owner id in other services' public data
 * @param handle the public name in the profile URL
 * @param displayName the name shown everywhere
 * @param bio the artist's description, or {@code null}
 * @param genres genres, most important first
 * @param location where the artist is based, or {@code null}
 * @param links links to other pages
 * @param avatarUrl where a browser loads the profile picture (512 px; {@code &size=96}
 * for the small one), a path on the platform's origin, or {@code null} when there is none
 */
public record ArtistResponse(UserId id, String handle, String displayName, @Nullable String bio, List<String> genres,
		@Nullable String location, List<Link> links, @Nullable String avatarUrl) {

	static ArtistResponse of(Account account) {
		Profile profile = account.profile();
		return new ArtistResponse(account.id(), String.valueOf(profile.handle()), profile.displayName(), profile.bio(),
				profile.genres(), profile.location(), profile.links(), AvatarUrls.of(account));
	}

}
