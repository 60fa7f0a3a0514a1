package com.notalabel.notification.notice;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

import com.notalabel.notification.inbox.Notice;
import com.notalabel.notification.inbox.NotificationCategory;
import com.notalabel.types.events.analytics.MilestoneReached;
import com.notalabel.types.events.payment.PayoutCompleted;
import com.notalabel.types.events.payment.PayoutFailed;
import com.notalabel.types.events.analytics.SpikeDetected;
import com.notalabel.types.events.analytics.SuspiciousActivity;
import com.notalabel.types.events.distribution.ReleaseStatusChanged;
import com.notalabel.types.events.music.TrackProcessed;
import com.notalabel.types.events.music.TrackProcessingFailed;
import com.notalabel.types.money.Money;

/**
 * The words of each notification: a title, a body a person understands without knowing
 * the platform's insides, and the page of the web app it opens.
 */
final class Notices {

	private Notices() {
	}

	static Notice of(TrackProcessed event) {
		String body = event.analysis().distributionReady() ? "Your track was analysed and is ready to be released."
				: "Your track was analysed, but the original does not meet the stores' delivery requirements:"
						+ " open the track to see what to change before you release it.";
		return new Notice(event.ownerId(), NotificationCategory.TRACK_PROCESSING, "Your track is processed", body,
				"/tracks/" + event.trackId(), event.processedAt(), false);
	}

	static Notice of(TrackProcessingFailed event) {
		return new Notice(event.ownerId(), NotificationCategory.TRACK_PROCESSING, "Your track could not be processed",
				event.reason(), "/tracks/" + event.trackId(), event.failedAt(), false);
	}

	/**
	 * Only the steps an artist waits for; queueing and sending files are the platform's
	 * business.
	 */
	static Optional<Notice> of(ReleaseStatusChanged event) {
		String release = quoted(event.title());
		String platform = event.platform();
		String reasons = String.join(" ", event.reasons());
		return switch (event.status()) {
			case ACCEPTED -> Optional.of(release(event, release + " was accepted by " + platform,
					platform + " accepted your release " + release + ". It goes live on its release date.", false));
			case REJECTED -> Optional.of(release(event, release + " was rejected by " + platform,
					platform + " rejected your release " + release + "." + (reasons.isBlank() ? "" : " " + reasons),
					true));
			case LIVE -> Optional.of(release(event, release + " is live on " + platform,
					"Your release " + release + " is now live on " + platform + ".", true));
			case TAKEN_DOWN -> Optional.of(release(event, release + " was taken down from " + platform,
					"Your release " + release + " is no longer available on " + platform + ".", false));
			case FAILED -> Optional.of(release(event, release + " could not be delivered to " + platform,
					"We could not deliver your release " + release + " to " + platform + "."
							+ (reasons.isBlank() ? "" : " " + reasons) + " We will tell you when we try again.",
					false));
			case QUEUED, DELIVERING, DELIVERED, OTHER -> Optional.empty();
		};
	}

	static Notice of(PayoutCompleted event) {
		String amount = inWords(event.amount());
		return new Notice(event.payeeId(), NotificationCategory.PAYOUT, "Payout of " + amount + " sent",
				"We sent you " + amount + ". Stripe pays it to your bank on your payout schedule.", "/payouts",
				event.completedAt(), true);
	}

	static Notice of(PayoutFailed event) {
		String amount = inWords(event.amount());
		return new Notice(event.payeeId(), NotificationCategory.PAYOUT, "Your payout of " + amount + " did not arrive",
				event.reason(), "/payouts", event.failedAt(), true);
	}

	static Notice of(MilestoneReached event) {
		return new Notice(event.ownerId(), NotificationCategory.MILESTONE,
				quoted(event.title()) + " passed " + count(event.milestone()) + " streams",
				"Your track " + quoted(event.title()) + " has " + count(event.totalStreams())
						+ " streams across all stores.",
				"/analytics/tracks/" + event.trackId(), event.reachedAt(), false);
	}

	static Notice of(SpikeDetected event) {
		String period = switch (event.granularity()) {
			case DAY -> "on " + event.periodStart();
			case MONTH -> "in the month from " + event.periodStart();
			case OTHER -> "in the period from " + event.periodStart();
		};
		return new Notice(event.ownerId(), NotificationCategory.SPIKE, quoted(event.title()) + " is taking off",
				"Your track " + quoted(event.title()) + " had " + count(event.value()) + " " + event.metric() + " "
						+ period + ", against about " + count(Math.round(event.baseline())) + " usually.",
				"/analytics/tracks/" + event.trackId(), event.detectedAt(), false);
	}

	static Notice of(SuspiciousActivity event) {
		String where = switch (event.dimension()) {
			case STORE -> "one store, " + event.concentratedIn();
			case COUNTRY -> "one country, " + event.concentratedIn();
			case OTHER -> event.concentratedIn();
		};
		return new Notice(event.ownerId(), NotificationCategory.SECURITY, "Unusual streams on " + quoted(event.title()),
				"Most of the recent streams of " + quoted(event.title()) + " (" + Math.round(event.share() * 100)
						+ "%) came from " + where + ", where usually " + Math.round(event.usualShare() * 100)
						+ "% do. Stores may treat streams like these as artificial and hold back their royalties."
						+ " If you did not pay for promotion that explains them, tell us.",
				"/analytics/tracks/" + event.trackId(), event.detectedAt(), true);
	}

	private static Notice release(ReleaseStatusChanged event, String title, String body, boolean byMail) {
		return new Notice(event.ownerId(), NotificationCategory.RELEASE_STATUS, title, body,
				"/releases/" + event.releaseId(), event.changedAt(), byMail);
	}

	private static String quoted(String title) {
		return "\u201c" + title.replaceAll("\\p{Cntrl}+", " ").strip() + "\u201d";
	}

	private static String count(long value) {
		return NumberFormat.getIntegerInstance(Locale.US).format(value);
	}

	/** An amount as a sentence says it: {@code $123.45}, {@code €0.87}, {@code ¥500}. */
	static String inWords(Money money) {
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(money.currency());
		int digits = Math.max(0, money.currency().getDefaultFractionDigits());
		format.setMinimumFractionDigits(digits);
		format.setMaximumFractionDigits(digits);
		return format.format(BigDecimal.valueOf(money.amountMinor(), digits));
	}

}
