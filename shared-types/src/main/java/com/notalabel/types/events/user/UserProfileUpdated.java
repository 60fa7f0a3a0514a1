package com.notalabel.types.events.user;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.UserId;

/**
 * An artist changed their public profile. The event carries the whole profile, not the
 * change, so that a consumer replaces its copy and never has to merge.
 *
 * @param userId the artist
 * @param displayName the name shown everywhere
 * @param handle the unique public name in profile URLs, or {@code null} before the artist
 * picks one
 * @param bio the artist's own description, or {@code null} if they wrote none
 * @param genres the genres the artist plays, most important first
 * @param location where the artist is based, as they wrote it, or {@code null}
 * @param links links to the artist's other pages, in the artist's order
 * @param avatarUrl the profile picture, or {@code null} if there is none
 * @param updatedAt when the profile was saved
 */
@EventType(name = "user.UserProfileUpdated", producer = "user-service")
public record UserProfileUpdated(UserId userId, String displayName, @Nullable String handle, @Nullable String bio,
		List<String> genres, @Nullable String location, List<ProfileLink> links, @Nullable String avatarUrl,
		Instant updatedAt) implements DomainEvent {

	public UserProfileUpdated {
		Objects.requireNonNull(userId, "userId");
		Objects.requireNonNull(displayName, "displayName");
		genres = List.copyOf(genres);
		links = List.copyOf(links);
		Objects.requireNonNull(updatedAt, "updatedAt");
	}

	@Override
	public String subject() {
		return this.userId.toString();
	}

	/**
	 * A link on an artist's profile.
	 *
	 * @param label what the artist calls it, e.g. {@code Bandcamp}
	 * @param url where it points
	 */
	public record ProfileLink(String label, String url) {

		public ProfileLink {
			Objects.requireNonNull(label, "label");
			Objects.requireNonNull(url, "url");
		}

	}

}
