package com.notalabel.types.events.music;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.event.DomainEvent;
import com.notalabel.types.event.EventType;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A track was decoded and analysed. Distribution checks readiness, the AI advice and
 * analytics use the numbers.
 *
 * @param trackId the track
 * @param ownerId the artist who owns it
 * @param analysis what the analysis found
 * @param processedAt when the analysis finished
 */
@EventType(name = "music.TrackProcessed", producer = "music-service")
public record TrackProcessed(TrackId trackId, UserId ownerId, AnalysisSummary analysis,
		Instant processedAt) implements DomainEvent {

	public TrackProcessed {
		Objects.requireNonNull(trackId, "trackId");
		Objects.requireNonNull(ownerId, "ownerId");
		Objects.requireNonNull(analysis, "analysis");
		Objects.requireNonNull(processedAt, "processedAt");
	}

	@Override
	public String subject() {
		return this.trackId.toString();
	}

	/**
	 * The numbers of an analysis. A measurement is {@code null} when the audio does not
	 * allow it (silence has no loudness, a drone no tempo), not when it is zero.
	 *
	 * @param durationSeconds the length of the audio
	 * @param sampleRateHz the sample rate of the original
	 * @param bitDepth the bit depth of the original, or {@code null} for a lossy format,
	 * which has none
	 * @param channels the number of channels
	 * @param integratedLoudnessLufs the integrated loudness (EBU R 128), or {@code null}
	 * @param truePeakDbtp the true peak, or {@code null}
	 * @param loudnessRangeLu the loudness range, or {@code null}
	 * @param tempoBpm the estimated tempo, or {@code null}
	 * @param musicalKey the estimated key, e.g. {@code A minor}, or {@code null}
	 * @param distributionReady whether the original meets the delivery requirements of
	 * the streaming services
	 */
	public record AnalysisSummary(double durationSeconds, int sampleRateHz, @Nullable Integer bitDepth, int channels,
			@Nullable Double integratedLoudnessLufs, @Nullable Double truePeakDbtp, @Nullable Double loudnessRangeLu,
			@Nullable Double tempoBpm, @Nullable String musicalKey, boolean distributionReady) {

	}

}
