package com.notalabel.music.upload;

import java.net.URI;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.music.track.TrackDetailsRequest;
import com.notalabel.music.track.TrackResponse;
import com.notalabel.shared.security.CurrentUser;

/**
 * {@code POST /api/v1/tracks}: an audio file, and optionally its metadata, as
 * {@code multipart/form-data}. Answered 202: the track exists and is being processed.
 */
@RestController
class UploadController {

	private final TrackUploads uploads;

	UploadController(TrackUploads uploads) {
		this.uploads = uploads;
	}

	@PostMapping(path = "/api/v1/tracks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA_VALUE,
					schema = @Schema(implementation = UploadForm.class)))
	ResponseEntity<TrackResponse> upload(CurrentUser user, HttpServletRequest request) {
		TrackResponse track = this.uploads.upload(user.id(), request);
		return ResponseEntity.accepted().location(URI.create(track.links().self())).body(track);
	}

	/**
	 * The parts of an upload, for the API documentation; the request itself is parsed as
	 * a stream.
	 *
	 * @param file the audio file: WAV, AIFF, FLAC, MP3, M4A, Ogg Vorbis or Opus, at most
	 * {@code nal.upload.max-size}
	 * @param metadata the track's metadata as JSON; what it leaves out is pre-filled from
	 * the file's tags
	 */
	record UploadForm(@Schema(type = "string", format = "binary") String file, @Nullable TrackDetailsRequest metadata) {

	}

}
