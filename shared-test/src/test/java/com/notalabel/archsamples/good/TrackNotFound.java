package com.notalabel.archsamples.good;

import java.util.UUID;

public class TrackNotFound extends RuntimeException {

	public TrackNotFound(UUID id) {
		super("No track " + id);
	}

}
