package com.notalabel.archsamples.bad;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

@Controller
class BindsEntityController {

	@PostMapping("/songs")
	String save(@RequestBody Song song) {
		return "redirect:/songs/" + song.getId();
	}

}
