package com.notalabel.analytics.report;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
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

	void add(UUID owner, LocalDate day, LocalDate periodEnd, @Nullable UUID track, @Nullable UUID album, String store,
			String country, @Nullable String city, long units, @Nullable String currency, long micros) {
		this.rollups.add(owner, day, track, store, country, city, units, currency, micros);
		if (this.overflowed) {
			return;
		}
		if (currency != null) {
			this.earnings.computeIfAbsent(new Earning(owner, track, album, store, day, periodEnd, currency),
					(key) -> new long[1])[0] += micros;
		}
		if (track != null) {
			this.touched.add(new TouchedTrack(owner, track, day));
		}
		this.days.computeIfAbsent(owner, (key) -> new LinkedHashSet<>()).add(day);
		if (this.rollups.overflowed() || this.earnings.size() + this.touched.size() > RollupTotals.MAX_KEYS) {
			this.overflowed = true;
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
