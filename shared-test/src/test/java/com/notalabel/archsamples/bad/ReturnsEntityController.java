package com.notalabel.archsamples.bad;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReturnsEntityController {

	@GetMapping("/song")
	Song song() {
		return new Song();
	}

}
