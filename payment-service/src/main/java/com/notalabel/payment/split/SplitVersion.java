package com.notalabel.payment.split;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * A track's split as set at one time. It is in force for the periods from its date until
 * the date of a version that starts later; a version without a date is in force from the
 * beginning of time.
 *
 * @param id the version
 * @param trackId the track
 * @param ownerId the track's owner who set it
 * @param version its number, from 1
 * @param effectiveFrom the first day it is in force, or {@code null}
 * @param shares the shares, adding up to 10,000 basis points
 * @param recoupment what one payee recoups first, or {@code null}
 * @param createdAt when it was set
 */
public record SplitVersion(UUID id, TrackId trackId, UserId ownerId, int version, @Nullable LocalDate effectiveFrom,
		List<SplitShare> shares, @Nullable Recoupment recoupment, Instant createdAt) {

	public SplitVersion {
		shares = List.copyOf(shares);
	}

	/**
	 * The version in force on a day among a track's versions: the one with the latest
	 * date on or before the day, the later version among equal dates.
	 * @param versions the track's versions
	 * @param day the day
	 * @return the version, or {@code null} if none is in force yet
	 */
	public static @Nullable SplitVersion inForceOn(List<SplitVersion> versions, LocalDate day) {
		SplitVersion best = null;
		for (SplitVersion candidate : versions) {
			if (candidate.effectiveFrom() != null && candidate.effectiveFrom().isAfter(day)) {
				continue;
			}
			if (best == null || startsLater(candidate, best)) {
				best = candidate;
			}
		}
		return best;
	}

	private static boolean startsLater(SplitVersion candidate, SplitVersion best) {
		LocalDate a = candidate.effectiveFrom();
		LocalDate b = best.effectiveFrom();
		if (a == null && b == null || a != null && a.equals(b)) {
			return candidate.version() > best.version();
		}
		return b == null || (a != null && a.isAfter(b));
	}

	public int[] weights() {
		int[] weights = new int[this.shares.size()];
		for (int i = 0; i < weights.length; i++) {
			weights[i] = this.shares.get(i).basisPoints();
		}
		return weights;
	}

}
