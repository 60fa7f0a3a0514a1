package com.notalabel.music.announcement;

import java.time.Instant;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.music.analysis.TrackAnalyses;
import com.notalabel.music.analysis.TrackAnalysis;
import com.notalabel.music.track.Credit;
import com.notalabel.music.track.Track;
import com.notalabel.music.track.TrackChanged;
import com.notalabel.music.track.TrackRepository;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.catalog.Isrc;
import com.notalabel.types.events.music.TrackDeleted;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.music.TrackUpdated.AudioFacts;

/**
 * Publishes {@link TrackUpdated}, the track's whole state, in the transaction of every
 * change, so that a copy kept elsewhere (distribution's) never misses one and never has
 * to merge. The changes announce themselves in-process ({@link TrackChanged},
 * {@link TrackDeleted}) and this class alone knows how the event is assembled from the
 * track and its analysis.
 */
@Component
class TrackAnnouncements {

	private final TrackRepository tracks;

	private final TrackAnalyses analyses;

	private final EventPublisher events;

	TrackAnnouncements(TrackRepository tracks, TrackAnalyses analyses, EventPublisher events) {
		this.tracks = tracks;
		this.analyses = analyses;
		this.events = events;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	@EventListener
	void on(TrackChanged changed) {
		Track track = this.tracks.findById(changed.trackId().value())
			.orElseThrow(() -> new IllegalStateException("Changed track " + changed.trackId() + " is not found"));
		this.events.publish(state(track, false, track.updatedAt()));
	}

	/**
	 * The deletion announces itself before the track's rows go, so that its state can
	 * still be read here.
	 * @param deleted the deletion about to commit
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	@EventListener
	void on(TrackDeleted deleted) {
		this.tracks.findByIdAndOwnerId(deleted.trackId().value(), deleted.ownerId().value())
			.ifPresent((track) -> this.events.publish(state(track, true, deleted.deletedAt())));
	}

	private TrackUpdated state(Track track, boolean deleted, Instant at) {
		AudioFacts audio = this.analyses.stored(track.id()).map(TrackAnnouncements::facts).orElse(null);
		List<TrackUpdated.Credit> credits = track.credits().stream().map(TrackAnnouncements::credit).toList();
		return new TrackUpdated(track.id(), track.ownerId(), track.title(), track.versionTitle(),
				(track.isrc() != null) ? new Isrc(track.isrc()) : null, track.explicit(), track.genre(),
				track.language(), credits, status(track), track.format(), track.sizeBytes(), track.sha256(),
				track.originalKey(), audio, deleted, at);
	}

	private static TrackUpdated.Status status(Track track) {
		return switch (track.status()) {
			case PROCESSING -> TrackUpdated.Status.PROCESSING;
			case READY -> TrackUpdated.Status.READY;
			case FAILED -> TrackUpdated.Status.FAILED;
		};
	}

	private static TrackUpdated.Credit credit(Credit credit) {
		return new TrackUpdated.Credit(credit.name(), TrackUpdated.Role.valueOf(credit.role().name()));
	}

	private static AudioFacts facts(TrackAnalysis analysis) {
		TrackAnalysis.Technical technical = analysis.technical();
		return new AudioFacts(technical.container(), technical.codec(), technical.lossless(), technical.floatingPoint(),
				technical.sampleRateHz(), technical.bitDepth(), technical.channels(), technical.durationSeconds(),
				analysis.loudness().truePeakDbtp(), analysis.loudness().integratedLufs());
	}

}
