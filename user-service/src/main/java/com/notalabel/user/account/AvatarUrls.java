package com.notalabel.user.account;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where a browser loads a profile picture. An artist with a handle has a public profile,
 * so the picture is public too; before a handle is chosen only its owner sees it. The
 * upload's id in the URL changes with every upload, so a URL can be cached for good.
 */
public final class AvatarUrls {

	private AvatarUrls() {
	}

	/**
	 * @param account the account
	 * @return the 512 px picture's path on the platform's origin, or {@code null} when
	 * there is no picture
	 */
	public static @Nullable String of(Account account) {
		UUID avatar = account.avatarId();
		if (avatar == null) {
			return null;
		}
		String handle = account.profile().handle();
		return (handle != null) ? "/api/v1/artists/" + handle + "/avatar?v=" + avatar
				: "/api/v1/users/me/avatar?v=" + avatar;
	}

}
