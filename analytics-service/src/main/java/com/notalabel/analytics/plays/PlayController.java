package com.notalabel.analytics.plays;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.notalabel.shared.web.ProblemException;
import com.notalabel.shared.web.Problems.FieldError;

/**
 * {@code POST /api/v1/analytics/plays} {@code {"trackId": "..."}}: the beacon of the
 * artist's public page, sent without a token ({@code navigator.sendBeacon} sends it as
 * {@code text/plain}, a script as JSON). Answered 202 once the play is stored; nothing
 * about the visitor is kept but the day's hash.
 */
@RestController
class PlayController {

	private static final int MAX_BODY = 1024;

	private static final int MAX_REMEMBERED = 100_000;

	private final Map<UUID, Owner> owners = new ConcurrentHashMap<>();

	private final PlayRecorder recorder;

	private final JdbcClient jdbc;

	private final VisitorHash visitors;

	private final JsonMapper mapper;

	private final Clock clock;

	PlayController(PlayRecorder recorder, JdbcClient jdbc, PlayProperties properties, Clock clock) {
		this.recorder = recorder;
		this.jdbc = jdbc;
		this.visitors = new VisitorHash(properties.visitorSecret());
		this.mapper = JsonMapper.builder().build();
		this.clock = clock;
	}

	@PostMapping(path = "/api/v1/analytics/plays", consumes = { "application/json", "text/plain" })
	ResponseEntity<Void> play(@RequestBody String body, HttpServletRequest request) {
		UUID track = trackOf(body);
		Instant now = this.clock.instant();
		UUID owner = ownerOf(track, now);
		LocalDate day = LocalDate.ofInstant(now, ZoneOffset.UTC);
		String visitor = this.visitors.of(day, address(request),
				Optional.ofNullable(request.getHeader(HttpHeaders.USER_AGENT)).orElse(""));
		Play play = new Play(owner, track, now, visitor);
		this.recorder.record(play);
		return ResponseEntity.accepted().build();
	}

	/**
	 * The track's artist, remembered for a minute: a crowd of plays of one track costs
	 * one query a minute, and a deleted track stops counting within that minute.
	 */
	private UUID ownerOf(UUID track, Instant now) {
		Owner known = this.owners.get(track);
		if (known != null && known.until().isAfter(now)) {
			return known.owner();
		}
		UUID owner = this.jdbc.sql("select owner_id from catalogue_track where track_id = :track and not deleted")
			.param("track", track)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new PlayedTrackNotFound(track));
		if (this.owners.size() > MAX_REMEMBERED) {
			this.owners.clear();
		}
		this.owners.put(track, new Owner(owner, now.plusSeconds(60)));
		return owner;
	}

	private UUID trackOf(String body) {
		if (body.length() > MAX_BODY) {
			throw new InvalidPlay("body", "must be a small JSON object");
		}
		JsonNode json;
		try {
			json = this.mapper.readTree(body);
		}
		catch (JacksonException ex) {
			throw new InvalidPlay("body", "must be JSON: {\"trackId\": \"...\"}");
		}
		JsonNode id = (json != null && json.isObject()) ? json.get("trackId") : null;
		if (id == null || !id.isString()) {
			throw new InvalidPlay("trackId", "is required");
		}
		try {
			return UUID.fromString(id.asString());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPlay("trackId", "must be a UUID");
		}
	}

	/** The gateway's account of the client (it replaces whatever the client sent). */
	private static String address(HttpServletRequest request) {
		String forwarded = request.getHeader("X-Forwarded-For");
		if (forwarded != null && !forwarded.isBlank()) {
			int comma = forwarded.indexOf(',');
			return ((comma < 0) ? forwarded : forwarded.substring(0, comma)).strip();
		}
		return request.getRemoteAddr();
	}

	private record Owner(UUID owner, Instant until) {

	}

	/**
	 * The beacon is not a play of a track.
	 */
	static final class InvalidPlay extends ProblemException {

		InvalidPlay(String field, String message) {
			super(HttpStatus.BAD_REQUEST, "request.invalid", "The play is not valid.");
			with("errors", List.of(new FieldError(field, message)));
		}

	}

	/**
	 * No such track (or it was deleted): nothing is counted.
	 */
	static final class PlayedTrackNotFound extends ProblemException {

		PlayedTrackNotFound(UUID track) {
			super(HttpStatus.NOT_FOUND, "track.not_found", "No track " + track + ".");
		}

	}

}
