package com.notalabel.bench.chaos;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What one part of the suite sent and found, counted from several threads.
 */
final class Report {

	private static final int LISTED = 200;

	private final String part;

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong faults = new AtomicLong();

	private final AtomicLong serverErrors = new AtomicLong();

	private final AtomicLong toleratedErrors = new AtomicLong();

	private final AtomicLong writesLost = new AtomicLong();

	private final AtomicLong eventsTwice = new AtomicLong();

	private final Map<Integer, Long> statuses = new TreeMap<>();

	private final List<Violation> violations = Collections.synchronizedList(new ArrayList<>());

	private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

	Report(String part) {
		this.part = part;
	}

	String part() {
		return this.part;
	}

	/**
	 * Counts an exchange and checks it against the platform's rules.
	 * @param exchange what came back
	 * @param tolerated 5xx statuses that are the wanted answer here
	 * @return whether it kept every rule
	 */
	boolean check(Exchange exchange, Set<Integer> tolerated) {
		this.requests.incrementAndGet();
		synchronized (this.statuses) {
			this.statuses.merge(exchange.status(), 1L, Long::sum);
		}
		if (exchange.status() >= 500) {
			(tolerated.contains(exchange.status()) ? this.toleratedErrors : this.serverErrors).incrementAndGet();
		}
		List<String> broken = Inspector.broken(exchange, tolerated);
		broken.forEach((rule) -> violation(Violation.of(this.part, exchange, rule)));
		return broken.isEmpty();
	}

	boolean check(Exchange exchange) {
		return check(exchange, Set.of());
	}

	void violation(Violation violation) {
		this.violations.add(violation);
		if (this.violations.size() <= LISTED) {
			System.out.printf("  VIOLATION [%s] %s %s (%s) -> %d: %s | %s%n", violation.part(), violation.method(),
					abbreviate(violation.target()), violation.label(), violation.status(), violation.rule(),
					violation.excerpt());
		}
	}

	void violation(Exchange exchange, String rule) {
		violation(Violation.of(this.part, exchange, rule));
	}

	void fault() {
		this.faults.incrementAndGet();
	}

	void writeLost(String what, String why) {
		this.writesLost.incrementAndGet();
		violation(new Violation(this.part, "-", what, "accepted write", 0, "write lost", why));
	}

	void eventTwice(String what, String why) {
		this.eventsTwice.incrementAndGet();
		violation(new Violation(this.part, "-", what, "event", 0, "applied twice", why));
	}

	void note(String note) {
		this.notes.add(note);
		System.out.println("  " + note);
	}

	List<Violation> violations() {
		synchronized (this.violations) {
			return List.copyOf(this.violations);
		}
	}

	String row() {
		return String.format(Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %d |", this.part, this.requests.get(),
				this.faults.get(), this.serverErrors.get(), this.writesLost.get(), this.eventsTwice.get(),
				this.violations.size());
	}

	String statuses() {
		synchronized (this.statuses) {
			StringBuilder text = new StringBuilder();
			this.statuses.forEach((status, count) -> text.append(text.isEmpty() ? "" : ", ")
				.append((status == Exchange.NO_ANSWER) ? "no answer" : status)
				.append(": ")
				.append(count));
			return text.toString();
		}
	}

	long toleratedErrors() {
		return this.toleratedErrors.get();
	}

	List<String> notes() {
		synchronized (this.notes) {
			return List.copyOf(this.notes);
		}
	}

	static String totalRow(List<Report> reports) {
		long requests = 0;
		long faults = 0;
		long errors = 0;
		long lost = 0;
		long twice = 0;
		long violations = 0;
		for (Report report : reports) {
			requests += report.requests.get();
			faults += report.faults.get();
			errors += report.serverErrors.get();
			lost += report.writesLost.get();
			twice += report.eventsTwice.get();
			violations += report.violations.size();
		}
		return String.format(Locale.ROOT, "| **total** | %d | %d | %d | %d | %d | %d |", requests, faults, errors, lost,
				twice, violations);
	}

	static String abbreviate(String target) {
		return (target.length() > 120) ? target.substring(0, 120) + "…(" + target.length() + " chars)" : target;
	}

}
