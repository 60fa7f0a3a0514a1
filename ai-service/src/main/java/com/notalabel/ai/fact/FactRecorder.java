package com.notalabel.ai.fact;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.analytics.AnalyticsRolledUp;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessed.AnalysisSummary;
import com.notalabel.types.events.music.TrackUpdated;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.user.UserProfileUpdated;

/**
 * Turns other services' events into facts. Nothing else writes a fact: the sheet says
 * only what the platform recorded. Addresses, passwords, tokens and bank details never
 * arrive in these events, so they never become facts.
 */
@Component
public class FactRecorder {

	private final Facts facts;

	FactRecorder(Facts facts) {
		this.facts = facts;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(UserProfileUpdated event) {
		Instant at = event.updatedAt();
		List<Fact> profile = new ArrayList<>();
		profile.add(Fact.text("profile:display_name", "Artist name", event.displayName(), at));
		if (event.handle() != null) {
			profile.add(Fact.text("profile:handle", "Public handle", event.handle(), at));
		}
		if (event.bio() != null && !event.bio().isBlank()) {
			profile.add(Fact.text("profile:bio", "The artist's own bio", event.bio(), at));
		}
		if (!event.genres().isEmpty()) {
			profile.add(Fact.text("profile:genres", "Genres", String.join(", ", event.genres()), at));
		}
		if (event.location() != null && !event.location().isBlank()) {
			profile.add(Fact.text("profile:location", "Based in", event.location(), at));
		}
		if (!event.links().isEmpty()) {
			profile.add(Fact.text("profile:links", "Links on the profile",
					String.join(", ", event.links().stream().map(UserProfileUpdated.ProfileLink::label).toList()), at));
		}
		this.facts.record(event.userId(), profile);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(TrackUpdated event) {
		String track = "track:" + event.trackId() + ":";
		if (event.deleted()) {
			this.facts.forget(event.ownerId(), track);
			return;
		}
		Instant at = event.updatedAt();
		List<Fact> facts = new ArrayList<>();
		facts.add(Fact.text(track + "title", "Track title", event.title(), at));
		if (event.versionTitle() != null) {
			facts.add(Fact.text(track + "version", "Version", event.versionTitle(), at));
		}
		if (event.genre() != null) {
			facts.add(Fact.text(track + "genre", "Genre", event.genre(), at));
		}
		facts.add(Fact.text(track + "status", "Processing", event.status().name().toLowerCase(Locale.ROOT), at));
		facts.add(Fact.text(track + "explicit", "Explicit lyrics", event.explicit() ? "yes" : "no", at));
		TrackUpdated.AudioFacts audio = event.audio();
		if (audio != null) {
			facts.add(Fact.text(track + "format", "Original's format",
					audio.container() + (audio.lossless() ? " (lossless)" : " (lossy)"), at));
			if (audio.integratedLoudnessLufs() != null) {
				facts.add(Fact.number(track + "integrated_lufs", "Integrated loudness", audio.integratedLoudnessLufs(),
						"LUFS", at));
			}
			if (audio.truePeakDbtp() != null) {
				facts.add(Fact.number(track + "true_peak_dbtp", "True peak", audio.truePeakDbtp(), "dBTP", at));
			}
		}
		this.facts.record(event.ownerId(), facts);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(TrackProcessed event) {
		String track = "track:" + event.trackId() + ":";
		Instant at = event.processedAt();
		AnalysisSummary analysis = event.analysis();
		List<Fact> facts = new ArrayList<>();
		facts.add(Fact.number(track + "duration_seconds", "Duration",
				Math.round(analysis.durationSeconds() * 10) / 10.0, "s", at));
		facts.add(Fact.number(track + "sample_rate_hz", "Sample rate", analysis.sampleRateHz(), "Hz", at));
		if (analysis.bitDepth() != null) {
			facts.add(Fact.number(track + "bit_depth", "Bit depth", analysis.bitDepth(), "bit", at));
		}
		facts.add(Fact.number(track + "channels", "Channels", analysis.channels(), null, at));
		if (analysis.integratedLoudnessLufs() != null) {
			facts.add(Fact.number(track + "integrated_lufs", "Integrated loudness", analysis.integratedLoudnessLufs(),
					"LUFS", at));
		}
		if (analysis.truePeakDbtp() != null) {
			facts.add(Fact.number(track + "true_peak_dbtp", "True peak", analysis.truePeakDbtp(), "dBTP", at));
		}
		if (analysis.loudnessRangeLu() != null) {
			facts.add(Fact.number(track + "loudness_range_lu", "Loudness range", analysis.loudnessRangeLu(), "LU", at));
		}
		if (analysis.tempoBpm() != null) {
			facts
				.add(Fact.number(track + "tempo_bpm", "Tempo", Math.round(analysis.tempoBpm() * 10) / 10.0, "BPM", at));
		}
		if (analysis.musicalKey() != null) {
			facts.add(Fact.text(track + "key", "Key", analysis.musicalKey(), at));
		}
		facts.add(Fact.text(track + "distribution_ready", "Meets the stores' delivery requirements",
				analysis.distributionReady() ? "yes" : "no", at));
		this.facts.record(event.ownerId(), facts);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(ReleaseStatusChanged event) {
		String release = "release:" + event.releaseId() + ":";
		Instant at = event.changedAt();
		String store = release + "store:" + event.platform() + ":";
		List<Fact> facts = new ArrayList<>();
		facts.add(Fact.text(release + "title", "Release title", event.title(), at));
		if (event.upc() != null) {
			facts.add(Fact.text(release + "upc", "Barcode (UPC)", event.upc().toString(), at));
		}
		facts.add(Fact.text(store + "status", "Status in " + event.platform(),
				event.status().name().toLowerCase(Locale.ROOT).replace('_', ' '), at));
		facts.add(Fact.text(store + "since", "Status in " + event.platform() + " since", at.toString().substring(0, 10),
				at));
		if (!event.reasons().isEmpty()) {
			facts.add(Fact.text(store + "reasons", "Why, in " + event.platform() + "'s words",
					String.join("; ", event.reasons()), at));
		}
		this.facts.record(event.ownerId(), facts);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(AnalyticsRolledUp event) {
		if (event.days().isEmpty()) {
			return;
		}
		Instant at = event.rolledUpAt();
		List<Fact> facts = new ArrayList<>();
		facts.add(Fact.text("analytics:latest_day", "Latest day with counted streams or plays",
				event.days().getLast().toString(), at));
		facts.add(Fact.text("analytics:updated_at", "Numbers last updated", at.toString().substring(0, 10), at));
		for (AnalyticsRolledUp.TrackNumbers numbers : event.trackNumbers()) {
			String track = "track:" + numbers.trackId() + ":";
			facts.add(Fact.number(track + "total_streams", "Streams, all stores", numbers.streams(), "streams", at));
			facts.add(Fact.number(track + "total_plays", "Plays on your page", numbers.plays(), "plays", at));
			if (numbers.latestMonth() != null) {
				facts.add(Fact.text(track + "latest_month", "Latest month with streams",
						numbers.latestMonth().toString(), at));
				facts.add(Fact.number(track + "streams_latest_month", "Streams in " + numbers.latestMonth(),
						numbers.streamsLatestMonth(), "streams", at));
				facts.add(Fact.number(track + "streams_month_before",
						"Streams in " + numbers.latestMonth().minusMonths(1), numbers.streamsMonthBefore(), "streams",
						at));
			}
		}
		if (!event.countryNumbers().isEmpty()) {
			// A new month's countries replace the last month's: the sheet says where listeners are now.
			this.facts.forget(event.ownerId(), "country:");
		}
		for (AnalyticsRolledUp.CountryNumbers numbers : event.countryNumbers()) {
			String country = "country:" + numbers.country() + ":";
			facts.add(Fact.number(country + "streams", "Streams from " + numbers.country() + " in " + numbers.month(),
					numbers.streams(), "streams", at));
			facts.add(Fact.number(country + "streams_month_before",
					"Streams from " + numbers.country() + " in " + numbers.month().minusMonths(1),
					numbers.streamsMonthBefore(), "streams", at));
		}
		this.facts.record(event.ownerId(), facts);
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(MilestoneReached event) {
		String track = "track:" + event.trackId() + ":";
		Instant at = event.reachedAt();
		this.facts
			.record(event.ownerId(), List.of(Fact.text(track + "title", "Track title", event.title(), Instant.EPOCH),
					Fact.number(track + "milestone", "Latest streams milestone passed", event.milestone(), "streams",
							at),
					Fact.number(track + "total_streams", "Streams, all stores", event.totalStreams(), "streams", at),
					Fact.text(track + "milestone_date", "Milestone passed on", at.toString().substring(0, 10), at)));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(SpikeDetected event) {
		String track = "track:" + event.trackId() + ":";
		String spike = track + "spike:" + event.metric() + ":";
		Instant at = event.detectedAt();
		String period = (event.granularity() == SpikeDetected.Granularity.MONTH) ? "month" : "day";
		this.facts
			.record(event.ownerId(), List.of(Fact.text(track + "title", "Track title", event.title(), Instant.EPOCH),
					Fact.text(spike + "period", "Latest spike in " + event.metric() + ", the " + period + " of",
							event.periodStart().toString(), at),
					Fact.number(spike + "value", "The spike's " + event.metric(), event.value(), event.metric(), at),
					Fact.number(spike + "baseline", "Usual " + event.metric() + " per " + period + " before it",
							Math.round(event.baseline() * 10) / 10.0, event.metric(), at)));
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void on(PayoutCompleted event) {
		String payout = "payout:" + event.payoutId() + ":";
		Instant at = event.completedAt();
		double amount = event.amount().amountMinor()
				/ Math.pow(10, Math.max(0, event.amount().currency().getDefaultFractionDigits()));
		this.facts
			.record(event.payeeId(),
					List.of(Fact.number(payout + "amount", "Payout", amount,
							event.amount().currency().getCurrencyCode(), at),
							Fact.text(payout + "date", "Paid out on", at.toString().substring(0, 10), at)));
	}

}
