package com.notalabel.music.analysis;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.audio.engine.AnalysisResult;
import com.notalabel.audio.engine.Waveform;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackNotFound;
import com.notalabel.music.track.TrackNotReady;
import com.notalabel.music.track.TrackProcessingFailed;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * The stored analyses: written by processing in the transaction that marks the track
 * ready, read by the artist once it is.
 */
@Service
public class TrackAnalyses {

	private final JdbcClient jdbc;

	private final TrackRepository tracks;

	private final JsonMapper json;

	/**
	 * Documents written by another version may have fields this one does not know; they
	 * are read, not refused (request bodies are refused instead).
	 */
	private final ObjectReader analysisReader;

	TrackAnalyses(JdbcClient jdbc, TrackRepository tracks, JsonMapper json) {
		this.jdbc = jdbc;
		this.tracks = tracks;
		this.json = json;
		this.analysisReader = json.readerFor(TrackAnalysis.class)
			.without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
	}

	/**
	 * Stores a track's analysis and waveform, replacing what an earlier run stored.
	 * @param track the track, which must exist
	 * @param result what the engine found
	 * @param now when processing finished
	 * @return the analysis as stored
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public TrackAnalysis store(TrackId track, AnalysisResult result, Instant now) {
		TrackAnalysis analysis = TrackAnalysis.of(result.measurements());
		this.jdbc.sql("""
				insert into track_analysis (track_id, analyzer_version, analysis, waveform, created_at)
				values (:track, :version, cast(:analysis as jsonb), :waveform, :now)
				on conflict (track_id) do update
				   set analyzer_version = excluded.analyzer_version, analysis = excluded.analysis,
				       waveform = excluded.waveform, created_at = excluded.created_at
				""")
			.param("track", track.value())
			.param("version", analysis.analyzerVersion())
			.param("analysis", this.json.writeValueAsString(analysis))
			.param("waveform", result.waveform().toDat())
			.param("now", now.atOffset(ZoneOffset.UTC))
			.update();
		return analysis;
	}

	/**
	 * The stored analysis of a track, whoever owns it, for announcing the track's state
	 * in the transaction that changed it.
	 * @param id the track
	 * @return the analysis, or empty while the track has none
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public Optional<TrackAnalysis> stored(TrackId id) {
		return this.jdbc.sql("select analysis::text from track_analysis where track_id = :track")
			.param("track", id.value())
			.query(String.class)
			.optional()
			.map((document) -> this.analysisReader.<TrackAnalysis>readValue(document));
	}

	/**
	 * The analysis of one of the artist's tracks.
	 * @param owner the artist
	 * @param id the track
	 * @return the analysis
	 * @throws TrackNotFound when the artist has no such track
	 * @throws TrackNotReady while the track is being processed
	 * @throws TrackProcessingFailed when processing failed
	 */
	@Transactional(readOnly = true)
	public TrackAnalysis analysis(UserId owner, TrackId id) {
		readyTrack(owner, id);
		String document = this.jdbc.sql("select analysis::text from track_analysis where track_id = :track")
			.param("track", id.value())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new TrackNotReady("analysis"));
		return this.analysisReader.readValue(document);
	}

	/**
	 * The waveform of one of the artist's tracks, at the base resolution.
	 * @param owner the artist
	 * @param id the track
	 * @return the waveform
	 * @throws TrackNotFound when the artist has no such track
	 * @throws TrackNotReady while the track is being processed
	 * @throws TrackProcessingFailed when processing failed
	 */
	@Transactional(readOnly = true)
	public Waveform waveform(UserId owner, TrackId id) {
		readyTrack(owner, id);
		Optional<byte[]> dat = this.jdbc.sql("select waveform from track_analysis where track_id = :track")
			.param("track", id.value())
			.query(byte[].class)
			.optional();
		try {
			return Waveform.readDat(new ByteArrayInputStream(dat.orElseThrow(() -> new TrackNotReady("analysis"))));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Stored waveform of track " + id + " is unreadable", ex);
		}
	}

	private Track readyTrack(UserId owner, TrackId id) {
		Track track = this.tracks.findByIdAndOwnerId(id.value(), owner.value()).orElseThrow(TrackNotFound::new);
		return switch (track.status()) {
			case READY -> track;
			case PROCESSING -> throw new TrackNotReady("analysis");
			case FAILED -> throw new TrackProcessingFailed("analysis", track.failureReason());
		};
	}

}
