package com.notalabel.archsamples.good;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Track {

	@Id
	private UUID id = UUID.randomUUID();

	private String title = "";

	protected Track() {
	}

	public Track(String title) {
		this.title = title;
	}

	public UUID getId() {
		return this.id;
	}

	public String getTitle() {
		return this.title;
	}

}
