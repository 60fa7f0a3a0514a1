package com.notalabel.music.analysis;

import java.io.IOException;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.audio.engine.Waveform;
import com.notalabel.shared.security.CurrentUser;
import com.notalabel.types.id.TrackId;

@RestController
class AnalysisController {

	private final TrackAnalyses analyses;

	AnalysisController(TrackAnalyses analyses) {
		this.analyses = analyses;
	}

	@GetMapping(path = "/api/v1/tracks/{id}/analysis", produces = MediaType.APPLICATION_JSON_VALUE)
	TrackAnalysis analysis(CurrentUser user, @PathVariable UUID id) {
		return this.analyses.analysis(user.id(), new TrackId(id));
	}

	/**
	 * The waveform as BBC audiowaveform's JSON, version 2, 8-bit, which peaks.js loads as
	 * is. It is written straight to the response: a long track at a fine resolution runs
	 * to megabytes.
	 * @param pixelsPerSecond the resolution asked for; the document has at least this
	 * many pixels per second, its {@code samples_per_pixel} says exactly how many
	 */
	@GetMapping(path = "/api/v1/tracks/{id}/waveform", produces = MediaType.APPLICATION_JSON_VALUE)
	void waveform(CurrentUser user, @PathVariable UUID id,
			@RequestParam(defaultValue = "20") @Min(1) @Max(Waveform.BASE_PIXELS_PER_SECOND) int pixelsPerSecond,
			HttpServletResponse response) throws IOException {
		Waveform waveform = this.analyses.waveform(user.id(), new TrackId(id));
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		waveform.writeJson(response.getOutputStream(), pixelsPerSecond, 8);
	}

}
