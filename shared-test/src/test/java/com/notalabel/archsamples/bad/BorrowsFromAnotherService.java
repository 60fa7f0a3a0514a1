package com.notalabel.archsamples.bad;

import com.notalabel.archsamples.good.TrackCatalogue;

public class BorrowsFromAnotherService {

	private final TrackCatalogue catalogue;

	public BorrowsFromAnotherService(TrackCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	public int count() {
		return this.catalogue.firstPage().size();
	}

}
