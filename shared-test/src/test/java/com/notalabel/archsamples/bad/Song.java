package com.notalabel.archsamples.bad;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Song {

	@Id
	private long id;

	public long getId() {
		return this.id;
	}

}
