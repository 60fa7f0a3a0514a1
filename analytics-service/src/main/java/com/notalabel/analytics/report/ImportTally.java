package com.notalabel.analytics.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.analytics.alerts.TouchedTrack;
import com.notalabel.analytics.rollup.RollupTotals;

/**
 * What an import adds up while its lines stream by: the roll-ups, each artist's earnings
 * (per track or release, store, period and currency) and the tracks and days it touches.
 * Bounded like {@link RollupTotals}: past its limit it gives up and the import asks the
 * staged rows instead.
 */
final class ImportTally {

	private final RollupTotals rollups = new RollupTotals();

	private final Map<Earning, long[]> earnings = new HashMap<>();

	private final Set<TouchedTrack> touched = new LinkedHashSet<>();

	private final Map<UUID, Set<LocalDate>> days = new HashMap<>();

	private boolean overflowed;

	private @Nullable Earning lastEarning;

	private long[] lastEarned = new long[1];

	private @Nullable TouchedTrack lastTouched;

	private @Nullable UUID lastOwner;

	private @Nullable LocalDate lastDay;

	void add(UUID owner, LocalDate day, LocalDate periodEnd, @Nullable UUID track, @Nullable UUID album, String store,
			String country, @Nullable String city, long units, @Nullable String currency, long micros) {
		this.rollups.add(owner, day, track, store, country, city, units, currency, micros);
		if (this.overflowed) {
			return;
		}
		if (currency != null) {
			Earning earning = this.lastEarning;
			if (earning == null || !earning.owner().equals(owner) || !Objects.equals(earning.track(), track)
					|| !Objects.equals(earning.album(), album) || !earning.store().equals(store)
					|| !earning.start().equals(day) || !earning.end().equals(periodEnd)
					|| !earning.currency().equals(currency)) {
				earning = new Earning(owner, track, album, store, day, periodEnd, currency);
				this.lastEarning = earning;
				this.lastEarned = this.earnings.computeIfAbsent(earning, (key) -> new long[1]);
			}
			this.lastEarned[0] += micros;
		}
		// A report's lines come a recording at a time: the same track and day line after line.
		if (track != null && (this.lastTouched == null || !this.lastTouched.trackId().equals(track)
				|| !this.lastTouched.ownerId().equals(owner) || !this.lastTouched.day().equals(day))) {
			this.lastTouched = new TouchedTrack(owner, track, day);
			this.touched.add(this.lastTouched);
		}
		if (!owner.equals(this.lastOwner) || !day.equals(this.lastDay)) {
			this.lastOwner = owner;
			this.lastDay = day;
			this.days.computeIfAbsent(owner, (key) -> new LinkedHashSet<>()).add(day);
		}
		if (this.rollups.overflowed() || this.earnings.size() + this.touched.size() > RollupTotals.MAX_KEYS) {
			this.overflowed = true;
			this.lastEarning = null;
			this.earnings.clear();
			this.touched.clear();
			this.days.clear();
		}
	}

	boolean overflowed() {
		return this.overflowed || this.rollups.overflowed();
	}

	RollupTotals rollups() {
		return this.rollups;
	}

	Map<Earning, long[]> earnings() {
		return this.earnings;
	}

	Set<TouchedTrack> touched() {
		return this.touched;
	}

	Map<UUID, Set<LocalDate>> days() {
		return this.days;
	}

	/**
	 * One line of an artist's earnings.
	 */
	record Earning(UUID owner, @Nullable UUID track, @Nullable UUID album, String store, LocalDate start, LocalDate end,
			String currency) {

	}

}
