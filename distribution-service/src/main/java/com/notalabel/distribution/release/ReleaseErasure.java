package com.notalabel.distribution.release;

import org.springframework.stereotype.Component;

import com.notalabel.types.id.UserId;

/**
 * The releases' side of an account's erasure.
 */
@Component
public class ReleaseErasure {

	private final Releases releases;

	ReleaseErasure(Releases releases) {
		this.releases = releases;
	}

	/**
	 * Forgets the artist's releases and their deliveries.
	 * @param owner the artist
	 * @return the releases removed
	 */
	public int erase(UserId owner) {
		return this.releases.erase(owner);
	}

}
