package com.notalabel.archsamples.good;

import java.util.UUID;

public record TrackResponse(UUID id, String title) {

	static TrackResponse of(Track track) {
		return new TrackResponse(track.getId(), track.getTitle());
	}

}
