package com.notalabel.archsamples.good;

import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TrackController {

	private final TrackCatalogue catalogue;

	TrackController(TrackCatalogue catalogue) {
		this.catalogue = catalogue;
	}

	@PostMapping("/tracks")
	ResponseEntity<TrackResponse> upload(@RequestBody UploadTrackRequest request) {
		return ResponseEntity.ok(TrackResponse.of(this.catalogue.upload(request.title())));
	}

	@GetMapping("/tracks/{id}")
	TrackResponse find(@PathVariable UUID id) {
		return TrackResponse.of(this.catalogue.find(id));
	}

	@GetMapping("/tracks")
	List<TrackResponse> list() {
		return this.catalogue.firstPage().stream().map(TrackResponse::of).toList();
	}

}
