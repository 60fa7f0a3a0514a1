package com.notalabel.notification.digest;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.notification.mail.AppLinks;
import com.notalabel.notification.mail.Mail;
import com.notalabel.notification.mail.MailLayout;
import com.notalabel.notification.mail.Mailer;
import com.notalabel.notification.preference.Preferences;
import com.notalabel.notification.recipient.Recipient;
import com.notalabel.notification.recipient.Recipients;
import com.notalabel.notification.unsubscribe.UnsubscribeTokens;
import com.notalabel.types.event.EventEnvelope;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.id.UserId;

/**
 * Collects the numbers of the analytics events as they arrive and mails each person one
 * digest per week (Monday to Sunday, UTC) that had any, on the first check after the
 * week. Each digest is claimed by a row keyed by person and week, written in the
 * transaction that sends it: any number of instances send it once, and a failed send is
 * tried again at the next check.
 */
@Service
public class WeeklyDigests {

	private static final Logger log = LoggerFactory.getLogger(WeeklyDigests.class);

	private static final NotificationCategory CATEGORY = NotificationCategory.WEEKLY_DIGEST;

	/** Each digest mail lists at most this many lines per kind, the largest first. */
	private static final int MAX_LINES = 10;

	private final JdbcClient jdbc;

	private final Preferences preferences;

	private final Recipients recipients;

	private final UnsubscribeTokens tokens;

	private final AppLinks links;

	private final Mailer mailer;

	private final TransactionTemplate transactions;

	private final DigestSettings settings;

	private final Clock clock;

	WeeklyDigests(JdbcClient jdbc, Preferences preferences, Recipients recipients, UnsubscribeTokens tokens,
			AppLinks links, Mailer mailer, TransactionTemplate transactions, DigestSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.preferences = preferences;
		this.recipients = recipients;
		this.tokens = tokens;
		this.links = links;
		this.mailer = mailer;
		this.transactions = transactions;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onMilestoneReached(EventEnvelope<MilestoneReached> envelope) {
		MilestoneReached event = envelope.payload();
		record(envelope.id(), event.ownerId(), "MILESTONE", event.title(), event.milestone(), event.totalStreams());
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void onSpikeDetected(EventEnvelope<SpikeDetected> envelope) {
		SpikeDetected event = envelope.payload();
		record(envelope.id(), event.ownerId(), "SPIKE", event.title() + " (" + event.metric() + ")", event.value(),
				Math.round(event.baseline()));
	}

	@Scheduled(fixedDelayString = "${nal.digest.check-interval:15m}", initialDelayString = "1m")
	void sendDue() {
		if (this.settings.enabled()) {
			send(this.clock.instant());
		}
	}

	/**
	 * Sends the digests of the last week that ended before a moment.
	 * @param now the moment
	 * @return how many were mailed
	 */
	public int send(Instant now) {
		LocalDate weekStart = LocalDate.ofInstant(now, ZoneOffset.UTC)
			.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
			.minusWeeks(1);
		Instant from = weekStart.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = weekStart.plusWeeks(1).atStartOfDay(ZoneOffset.UTC).toInstant();
		List<UUID> people = this.jdbc.sql("""
				select distinct i.user_id from digest_item i
				where i.occurred_at >= ? and i.occurred_at < ?
				and not exists (select 1 from digest d where d.user_id = i.user_id and d.week_start = ?)""")
			.params(Timestamp.from(from), Timestamp.from(to), weekStart)
			.query(UUID.class)
			.list();
		int sent = 0;
		for (UUID person : people) {
			try {
				Boolean mailed = this.transactions
					.execute((status) -> sendOne(UserId.of(person), weekStart, from, to, now));
				sent += Boolean.TRUE.equals(mailed) ? 1 : 0;
			}
			catch (RuntimeException ex) {
				log.warn("Weekly digest of user {} for the week of {} not sent, tried again later: {}", person,
						weekStart, ex.toString());
			}
		}
		// What no digest will tell any more.
		this.jdbc.sql("delete from digest_item where occurred_at < ?")
			.param(Timestamp.from(from.minusSeconds(7 * 86400)))
			.update();
		return sent;
	}

	private boolean sendOne(UserId person, LocalDate weekStart, Instant from, Instant to, Instant now) {
		boolean claimed = this.jdbc.sql("""
				insert into digest (user_id, week_start, sent_at) values (?, ?, ?)
				on conflict do nothing""").params(person.value(), weekStart, Timestamp.from(now)).update() == 1;
		if (!claimed || !this.preferences.channelsFor(person, CATEGORY).mail()) {
			return false;
		}
		Optional<Recipient> recipient = this.recipients.find(person);
		if (recipient.isEmpty()) {
			return false;
		}
		List<Item> items = this.jdbc.sql("""
				select kind, title, value, baseline from digest_item
				where user_id = ? and occurred_at >= ? and occurred_at < ?
				order by value desc""")
			.params(person.value(), Timestamp.from(from), Timestamp.from(to))
			.query((rs, row) -> new Item(rs.getString("kind"), rs.getString("title"), rs.getLong("value"),
					rs.getLong("baseline")))
			.list();
		this.mailer.send(write(recipient.get(), weekStart, items), identity(person, weekStart));
		return true;
	}

	private Mail write(Recipient recipient, LocalDate weekStart, List<Item> items) {
		List<String> paragraphs = new ArrayList<>();
		paragraphs.add("Your numbers of the week from " + weekStart + " to " + weekStart.plusDays(6) + ".");
		List<Item> milestones = items.stream().filter((item) -> "MILESTONE".equals(item.kind())).toList();
		List<Item> spikes = items.stream().filter((item) -> "SPIKE".equals(item.kind())).toList();
		if (!milestones.isEmpty()) {
			StringBuilder lines = new StringBuilder(plural(milestones.size(), "milestone") + " passed:");
			milestones.stream()
				.limit(MAX_LINES)
				.forEach((item) -> lines.append("\n- \u201c")
					.append(MailLayout.singleLine(item.title()))
					.append("\u201d passed ")
					.append(count(item.value()))
					.append(" streams (")
					.append(count(item.baseline()))
					.append(" in all)"));
			paragraphs.add(lines.toString());
		}
		if (!spikes.isEmpty()) {
			StringBuilder lines = new StringBuilder(plural(spikes.size(), "spike") + ":");
			spikes.stream()
				.limit(MAX_LINES)
				.forEach((item) -> lines.append("\n- ")
					.append(MailLayout.singleLine(item.title()))
					.append(": ")
					.append(count(item.value()))
					.append(" against about ")
					.append(count(item.baseline()))
					.append(" usually"));
			paragraphs.add(lines.toString());
		}
		String token = this.tokens.issue(recipient.userId(), CATEGORY);
		return MailLayout.write(recipient.email(), recipient.displayName(), "Your week on Not a Label", paragraphs,
				"See your analytics", this.links.page("/analytics"),
				"You get this mail because the weekly digest is on in your notification settings.",
				this.links.withToken("/unsubscribe", token),
				this.links.withToken("/api/v1/notifications/unsubscribe", token));
	}

	/**
	 * Files an event under the week it arrived in: a report imported late tells its news
	 * in the next digest, not in none.
	 */
	private void record(UUID eventId, UserId owner, String kind, String title, long value, long baseline) {
		this.jdbc.sql("""
				insert into digest_item (event_id, user_id, kind, title, value, baseline, occurred_at)
				values (?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")
			.params(eventId, owner.value(), kind, title, value, baseline, Timestamp.from(this.clock.instant()))
			.update();
	}

	private static UUID identity(UserId person, LocalDate weekStart) {
		return UUID.nameUUIDFromBytes(("digest/" + person.value() + "/" + weekStart).getBytes(StandardCharsets.UTF_8));
	}

	private static String plural(int count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

	private static String count(long value) {
		return NumberFormat.getIntegerInstance(Locale.US).format(value);
	}

	private record Item(String kind, String title, long value, long baseline) {

	}

}
