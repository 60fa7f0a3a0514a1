package com.notalabel.archsamples.bad;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class WrapsEntityController {

	@GetMapping("/song")
	ResponseEntity<Song> song() {
		return ResponseEntity.ok(new Song());
	}

}
