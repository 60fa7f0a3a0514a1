package com.notalabel.archsamples.good;

import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

@Service
public class TrackCatalogue {

	private final int pageSize;

	public TrackCatalogue(@Value("${catalogue.page-size:20}") int pageSize) {
		this.pageSize = pageSize;
	}

	public Track upload(String title) {
		return new Track(title);
	}

	public Track find(UUID id) {
		throw new TrackNotFound(id);
	}

	public List<Track> firstPage() {
		return List.of(new Track("page of " + this.pageSize));
	}

}
