package com.notalabel.notification.inbox;

/**
 * What a notification is about, the unit a person chooses channels for. Each category has
 * the channels it starts with; a locked category's inbox and mail cannot be turned off,
 * because they tell the person about their account's safety.
 */
public enum NotificationCategory {

	/** A track finished processing or could not be processed. */
	TRACK_PROCESSING("Track processing", true, true, false, false),

	/** A store accepted, rejected, published or withdrew a release. */
	RELEASE_STATUS("Releases", true, true, true, false),

	/** A payout arrived or failed. */
	PAYOUT("Payouts", true, true, true, false),

	/** A collaborator named the person in a track's royalty split. */
	SPLIT_INVITATION("Split invitations", true, true, true, false),

	/** A track passed a number of streams. */
	MILESTONE("Milestones", true, true, false, false),

	/** A track's streams or plays jumped. */
	SPIKE("Spikes", true, true, false, false),

	/**
	 * Streams that look artificial, which stores penalise: the person must hear of it.
	 */
	SECURITY("Security", true, true, true, true),

	/**
	 * The weekly mail of the numbers of the week (milestones, spikes); by mail only.
	 */
	WEEKLY_DIGEST("Weekly digest", false, false, true, false);

	private final String title;

	private final boolean inbox;

	private final boolean push;

	private final boolean mail;

	private final boolean locked;

	NotificationCategory(String title, boolean inbox, boolean push, boolean mail, boolean locked) {
		this.title = title;
		this.inbox = inbox;
		this.push = push;
		this.mail = mail;
		this.locked = locked;
	}

	/**
	 * @return how the category is called in the app and in mails
	 */
	public String title() {
		return this.title;
	}

	public Channels defaults() {
		return new Channels(this.inbox, this.push, this.mail);
	}

	/**
	 * @return whether the inbox and mail of this category stay on whatever the person
	 * chooses
	 */
	public boolean locked() {
		return this.locked;
	}

	/**
	 * The channels a person gets this category on.
	 *
	 * @param inbox in the inbox and on the live stream
	 * @param push as a Web Push message
	 * @param mail by mail, for the notifications that go by mail
	 */
	public record Channels(boolean inbox, boolean push, boolean mail) {

	}

}
