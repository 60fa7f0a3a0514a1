package com.notalabel.distribution.release;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The rule-by-rule verdict on a release, per store.
 *
 * @param ready whether every chosen store passes
 * @param platforms the verdict of each chosen store
 */
public record ReadinessReport(boolean ready, List<PlatformReadiness> platforms) {

	public ReadinessReport {
		platforms = List.copyOf(platforms);
	}

	static ReadinessReport of(List<PlatformReadiness> platforms) {
		return new ReadinessReport(platforms.stream().allMatch(PlatformReadiness::ready), platforms);
	}

	/**
	 * One store's verdict.
	 *
	 * @param platform the store's name
	 * @param displayName the store's name as the artist reads it
	 * @param ready whether every rule passes
	 * @param rules every rule checked, failures first
	 */
	public record PlatformReadiness(String platform, String displayName, boolean ready, List<RuleResult> rules) {

		public PlatformReadiness {
			rules = List.copyOf(rules);
		}

	}

	/**
	 * One rule, checked once for the release or once per track.
	 *
	 * @param rule a stable code, e.g. {@code track.true_peak}
	 * @param trackId the track it is about, or {@code null} for the release
	 * @param trackNumber the track's place in the running order, or {@code null}
	 * @param passed whether the rule holds
	 * @param message what was checked, or what is wrong and how to fix it
	 */
	public record RuleResult(String rule, @Nullable String trackId, @Nullable Integer trackNumber, boolean passed,
			String message) {

	}

}
