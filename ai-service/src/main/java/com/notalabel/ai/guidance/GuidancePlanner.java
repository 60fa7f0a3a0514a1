package com.notalabel.ai.guidance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.notalabel.ai.fact.Fact;
import com.notalabel.ai.fact.FactSheet;
import com.notalabel.ai.fact.PlatformFacts;
import com.notalabel.ai.insight.TrackInsights;
import com.notalabel.ai.insight.TrackInsights.Insights;
import com.notalabel.ai.insight.TrackInsights.Problem;

/**
 * The rule-based plan for the next weeks, from the facts alone: what to fix before a
 * release, when to deliver and pitch against the stores' lead times, where the audience
 * grew, what to post about and which track to push. Each point cites the facts it rests
 * on. Pure: the same facts give the same plan.
 */
public final class GuidancePlanner {

	private GuidancePlanner() {
	}

	public static List<Point> plan(FactSheet sheet) {
		List<Point> points = new ArrayList<>();
		Set<String> tracks = subjects(sheet, "track:");
		Set<String> releases = subjects(sheet, "release:");
		List<String> readyTracks = new ArrayList<>();
		for (String track : tracks) {
			String id = track.substring("track:".length());
			Optional<Insights> insights = TrackInsights.of(id, sheet);
			String title = sheet.text(track + ":title").orElse("Untitled");
			List<Problem> blocking = insights.map(Insights::problems)
				.orElse(List.of())
				.stream()
				.filter((problem) -> !problem.code().equals("not_analysed"))
				.toList();
			if (!blocking.isEmpty()) {
				List<String> cited = new ArrayList<>();
				blocking.forEach((problem) -> cited.addAll(problem.factIds()));
				points.add(new Point("fix", "Fix the master of \"" + title + "\" before you release it",
						String.join(" ", blocking.stream().map(Problem::fix).toList()), distinct(cited)));
			}
			else if (sheet.text(track + ":distribution_ready").filter("yes"::equals).isPresent()) {
				readyTracks.add(track);
			}
		}
		boolean anythingOut = releases.stream()
			.anyMatch((release) -> sheet.startingWith(release + ":store:")
				.stream()
				.anyMatch((fact) -> fact.id().endsWith(":status") && !fact.value().equals("taken down")));
		if (!readyTracks.isEmpty() && !anythingOut) {
			List<String> cited = new ArrayList<>();
			readyTracks.forEach((track) -> cited.add(track + ":distribution_ready"));
			cited.add("platform:delivery_lead_days");
			cited.add("store:spotify:pitch_lead_days");
			points.add(new Point("release_timing",
					"Set a release date at least " + PlatformFacts.DELIVERY_LEAD_DAYS + " days out",
					"Your ready tracks can go out: pick a Friday at least " + PlatformFacts.DELIVERY_LEAD_DAYS
							+ " days away so the stores have the release in time,"
							+ " and pitch it to Spotify's editors at least " + PlatformFacts.SPOTIFY_PITCH_LEAD_DAYS
							+ " days before release day.",
					cited));
		}
		for (String release : releases) {
			String title = sheet.text(release + ":title").orElse("your release");
			for (Fact status : sheet.startingWith(release + ":store:")) {
				if (!status.id().endsWith(":status")) {
					continue;
				}
				String store = status.subject().substring(status.subject().lastIndexOf(':') + 1);
				switch (status.value()) {
					case "queued", "delivering", "delivered", "accepted" ->
						points.add(new Point("pitch", "Pitch \"" + title + "\" while " + store + " prepares it",
								"It is " + status.value() + " in " + store + ": send your pitch to the editors now, at"
										+ " least " + PlatformFacts.SPOTIFY_PITCH_LEAD_DAYS
										+ " days before release day," + " and line up your announcement posts.",
								List.of(status.id(), "store:spotify:pitch_lead_days")));
					case "rejected", "failed" ->
						points.add(new Point("fix_release", "Fix \"" + title + "\" for " + store, "It was "
								+ status.value() + " in " + store
								+ sheet.text(status.subject() + ":reasons").map((reasons) -> ": " + reasons).orElse("")
								+ ". Correct it and deliver again.",
								sheet.has(status.subject() + ":reasons")
										? List.of(status.id(), status.subject() + ":reasons") : List.of(status.id())));
					default -> {
					}
				}
			}
		}
		for (Fact spike : sheet.all()) {
			if (spike.id().matches("track:[^:]+:spike:[^:]+:value")) {
				String track = spike.id().substring(0, spike.id().indexOf(":spike:"));
				String base = spike.subject();
				String title = sheet.text(track + ":title").orElse("a track");
				points.add(new Point("audience", "Your audience grew on \"" + title + "\"", "It had " + spike.value()
						+ sheet.text(base + ":baseline").map((baseline) -> " against a usual " + baseline).orElse("")
						+ ": post about it this week, while listeners are finding it.",
						distinct(List.of(spike.id(), base + ":baseline", base + ":period")).stream()
							.filter(sheet::has)
							.toList()));
			}
		}
		sheet.startingWith("country:")
			.stream()
			.filter((fact) -> fact.id().endsWith(":streams") && fact.number() != null)
			.filter((fact) -> fact.number() > sheet.number(fact.subject() + ":streams_month_before").orElse(0.0))
			.max(Comparator.comparingDouble(
					(Fact fact) -> fact.number() - sheet.number(fact.subject() + ":streams_month_before").orElse(0.0)))
			.ifPresent((grown) -> {
				String before = grown.subject() + ":streams_month_before";
				String country = grown.subject().substring("country:".length());
				points.add(new Point("audience", "Your audience grew most in " + country, "It streamed you "
						+ grown.value()
						+ sheet.get(before).map((fact) -> " against " + fact.value() + " the month before").orElse("")
						+ ": aim your posts and ads there, in its language and time zone.",
						sheet.has(before) ? List.of(grown.id(), before) : List.of(grown.id())));
			});
		for (Fact milestone : sheet.all()) {
			if (milestone.id().endsWith(":milestone")) {
				String track = milestone.subject();
				points.add(new Point("post",
						"Celebrate " + milestone.value() + " on \"" + sheet.text(track + ":title").orElse("your track")
								+ "\"",
						"Thank your listeners in a post: milestones are what followers share.",
						List.of(milestone.id())));
			}
		}
		sheet.all()
			.stream()
			.filter((fact) -> fact.id().endsWith(":total_streams") && fact.number() != null)
			.max(Comparator.comparingDouble(Fact::number))
			.ifPresent((top) -> points.add(new Point("push",
					"Push \"" + sheet.text(top.subject() + ":title").orElse("your most streamed track") + "\"",
					"It is your most streamed track (" + top.value() + "): put it first on your profile and in"
							+ " your pitches.",
					List.of(top.id()))));
		if (!sheet.has("profile:bio")) {
			points.add(new Point("profile", "Write your bio",
					"Stores, editors and press read it first; ask the assistant for a draft from your facts.",
					sheet.has("profile:display_name") ? List.of("profile:display_name") : List.of()));
		}
		return points;
	}

	private static Set<String> subjects(FactSheet sheet, String prefix) {
		Set<String> subjects = new LinkedHashSet<>();
		for (Fact fact : sheet.all()) {
			if (fact.id().startsWith(prefix)) {
				String rest = fact.id().substring(prefix.length());
				subjects.add(prefix + rest.substring(0, rest.indexOf(':')));
			}
		}
		return subjects;
	}

	private static List<String> distinct(List<String> ids) {
		return List.copyOf(new LinkedHashSet<>(ids));
	}

	/**
	 * One point of the plan.
	 *
	 * @param kind a stable code: {@code fix}, {@code release_timing}, {@code pitch},
	 * {@code fix_release}, {@code audience}, {@code post}, {@code push}, {@code profile}
	 * @param title what to do
	 * @param detail why and how
	 * @param factIds the facts it rests on
	 */
	public record Point(String kind, String title, String detail, List<String> factIds) {

	}

}
