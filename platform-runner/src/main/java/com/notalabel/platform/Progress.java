package com.notalabel.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.notalabel.platform.PlatformState.Component;
import com.notalabel.platform.PlatformState.ComponentState;

/**
 * What {@code ./platform up} prints while it waits: a line for each component that is
 * ready, starting, dead or given up on, as it happens, and every {@code quiet} without
 * news a line naming what is still starting, so that a slow start and a hung one look
 * different.
 */
final class Progress {

	private final Duration quiet;

	private final @Nullable Instant since;

	private @Nullable PlatformState last;

	private @Nullable Instant lastNews;

	/**
	 * @param quiet how long without news before a line on what is still starting
	 * @param since what that line counts from: the platform's start when null
	 * @param known what was already shown, if anything
	 */
	Progress(Duration quiet, @Nullable Instant since, @Nullable PlatformState known) {
		this.quiet = quiet;
		this.since = since;
		this.last = known;
		this.lastNews = (known != null) ? since : null;
	}

	/**
	 * @param state what the supervisor wrote last
	 * @param now the time of this look
	 * @return the lines to print, often none
	 */
	List<String> update(PlatformState state, Instant now) {
		List<String> lines = new ArrayList<>();
		for (Component component : state.components()) {
			Component before = (this.last != null) ? this.last.component(component.name()).orElse(null) : null;
			String news = news(before, component);
			if (news != null) {
				lines.add(String.format(Locale.ROOT, "  %-21s %s", component.name(), news));
			}
		}
		if (this.lastNews == null || !lines.isEmpty()) {
			this.lastNews = now;
		}
		else if (Duration.between(this.lastNews, now).compareTo(this.quiet) >= 0) {
			lines.add(waiting(state, (this.since != null) ? this.since : state.startedAt(), now));
			this.lastNews = now;
		}
		this.last = state;
		return lines;
	}

	private static @Nullable String news(@Nullable Component before, Component now) {
		boolean changed = before == null || before.state() != now.state() || !same(before.pid(), now.pid());
		if (!changed) {
			return null;
		}
		return switch (now.state()) {
			case PENDING -> null;
			case STARTING -> "starting" + ((now.restarts() > 0) ? " again" : "")
					+ ((now.cache() == PlatformState.Cache.USED) ? " (with its AOT cache)" : "")
					+ ("process".equals(now.detail()) ? "" : " (" + now.detail() + ")");
			case READY -> (now.pid() == null) ? "ready  " + now.endpoint()
					: "ready after " + now.startDuration().map(Durations::text).orElse("?");
			case EXTERNAL -> "ready  " + now.endpoint() + " (" + now.detail() + ")";
			case RESTARTING, FAILED -> now.state().name().toLowerCase(Locale.ROOT) + ": " + now.problem();
			case STOPPED -> "stopped";
			case SKIPPED -> "skipped: " + now.problem();
		};
	}

	private static String waiting(PlatformState state, Instant since, Instant now) {
		List<String> starting = new ArrayList<>();
		List<String> pending = new ArrayList<>();
		int ready = 0;
		int services = 0;
		for (Component component : state.components()) {
			if (component.pid() == null && component.state() != ComponentState.PENDING
					&& component.state() != ComponentState.STARTING) {
				continue;
			}
			services++;
			switch (component.state()) {
				case READY -> ready++;
				case STARTING -> starting.add(component.name() + ((component.launchedAt() != null)
						? " " + Durations.text(Duration.between(component.launchedAt(), now)) : ""));
				case PENDING -> pending.add(component.name());
				default -> {
				}
			}
		}
		StringBuilder line = new StringBuilder("  ... ").append(Durations.text(Duration.between(since, now)))
			.append(": ")
			.append(ready)
			.append(" of ")
			.append(services)
			.append(" services ready");
		if (!starting.isEmpty()) {
			line.append("; starting: ").append(String.join(", ", starting));
		}
		if (!pending.isEmpty()) {
			line.append("; waiting their turn: ").append(String.join(", ", pending));
		}
		return line.toString();
	}

	private static boolean same(@Nullable Long a, @Nullable Long b) {
		return (a == null) ? b == null : a.equals(b);
	}

}
