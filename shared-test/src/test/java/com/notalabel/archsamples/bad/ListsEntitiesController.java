package com.notalabel.archsamples.bad;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ListsEntitiesController {

	@GetMapping("/songs")
	List<Song> songs() {
		return List.of();
	}

}
