package com.notalabel.user.avatar;

import java.util.Arrays;
import java.util.Optional;

/**
 * The square sizes an avatar is stored and served in: the profile page's and a small one
 * for lists and navigation.
 */
enum AvatarSize {

	LARGE(512), SMALL(96);

	private final int side;

	AvatarSize(int side) {
		this.side = side;
	}

	int side() {
		return this.side;
	}

	String key() {
		return Integer.toString(this.side);
	}

	static Optional<AvatarSize> parse(String size) {
		return Arrays.stream(values()).filter((candidate) -> candidate.key().equals(size)).findFirst();
	}

}
