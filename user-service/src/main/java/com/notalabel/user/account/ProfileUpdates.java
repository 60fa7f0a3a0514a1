package com.notalabel.user.account;

import java.time.Instant;

import com.notalabel.types.events.user.UserProfileUpdated;
import com.notalabel.types.events.user.UserProfileUpdated.ProfileLink;

/**
 * The whole profile as other services keep a copy of it.
 */
public final class ProfileUpdates {

	private ProfileUpdates() {
	}

	/**
	 * @param account the account after the change
	 * @param now when it changed
	 * @return the event
	 */
	public static UserProfileUpdated of(Account account, Instant now) {
		Profile profile = account.profile();
		return new UserProfileUpdated(account.id(), profile.displayName(), profile.handle(), profile.bio(),
				profile.genres(), profile.location(),
				profile.links().stream().map((link) -> new ProfileLink(link.label(), link.url())).toList(),
				AvatarUrls.of(account), now);
	}

}
