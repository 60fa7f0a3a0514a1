package com.notalabel.payment.split;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.payment.ledger.AccountKey;
import com.notalabel.payment.ledger.AccountKind;
import com.notalabel.payment.ledger.EntryKind;
import com.notalabel.payment.ledger.JournalEntry;
import com.notalabel.payment.ledger.Ledger;
import com.notalabel.shared.events.EventPublisher;
import com.notalabel.types.Uuid7;
import com.notalabel.types.events.payment.SplitInvitationSent;
import com.notalabel.types.id.TrackId;
import com.notalabel.types.id.UserId;

/**
 * Invitations of collaborators: one per artist and address, a new link (token) whenever
 * the artist names a pending collaborator on a track the previous version did not name
 * them on, or after the last link expired. Only the token's SHA-256 is kept; the token
 * itself travels once, in {@link SplitInvitationSent}, to the mail.
 */
@Service
public class Invitations {

	private static final Logger log = LoggerFactory.getLogger(Invitations.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final Ledger ledger;

	private final EventPublisher events;

	private final InvitationProperties properties;

	private final Clock clock;

	Invitations(JdbcClient jdbc, Ledger ledger, EventPublisher events, InvitationProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.ledger = ledger;
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * The invitation of a collaborator, created (and mailed) if the artist never named
	 * them before.
	 * @param owner the artist
	 * @param email the collaborator's address, normalised
	 * @return the invitation and whether it was just created
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	Invitation findOrCreate(UserId owner, String email) {
		Optional<Invitation> existing = find(owner, email);
		if (existing.isPresent()) {
			return existing.get();
		}
		Instant now = this.clock.instant();
		UUID id = Uuid7.next();
		this.jdbc.sql("""
				insert into invitation (id, owner_id, email, token_hash, expires_at, created_at)
				values (?, ?, ?, ?, ?, ?) on conflict (owner_id, email) do nothing""")
			.params(id, owner.value(), email, hash(newToken()), Timestamp.from(now), Timestamp.from(now))
			.update();
		// A concurrent change of another track may have created it first; either way it exists now.
		return find(owner, email).orElseThrow();
	}

	/**
	 * Issues a new link for a pending invitation and publishes it for the mail; the
	 * previous link stops working.
	 * @param invitation the invitation
	 * @param track the track whose split names the collaborator
	 * @param trackTitle its title
	 * @param share the share they are invited to
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	void send(Invitation invitation, TrackId track, @Nullable String trackTitle, SplitShare share) {
		String token = newToken();
		Instant now = this.clock.instant();
		Instant expiresAt = now.plus(this.properties.ttl());
		this.jdbc.sql("update invitation set token_hash = ?, expires_at = ? where id = ? and accepted_by is null")
			.params(hash(token), Timestamp.from(expiresAt), invitation.id())
			.update();
		this.events.publish(new SplitInvitationSent(invitation.id(), invitation.ownerId(), track, trackTitle,
				invitation.email(), share.role(), share.basisPoints(), token, expiresAt, now));
		log.info("Invited collaborator {} of artist {} to track {}", invitation.id(), invitation.ownerId(), track);
	}

	/**
	 * Whether an invitation's link has expired.
	 * @param invitation the invitation
	 * @return whether it can no longer be accepted
	 */
	boolean expired(Invitation invitation) {
		return !invitation.expiresAt().isAfter(this.clock.instant());
	}

	/**
	 * The invitation a link carries, if it can still be accepted (or was accepted by this
	 * user).
	 * @param token the link's token
	 * @param user who follows the link
	 * @return the invitation
	 */
	@Transactional(readOnly = true)
	public Optional<Invitation> byToken(String token, UserId user) {
		return this.jdbc.sql("""
				select id, owner_id, email, expires_at, accepted_by, accepted_at from invitation
				where token_hash = ?""")
			.param(hash(token))
			.query(Invitations::invitation)
			.optional()
			.filter((invitation) -> invitation.isAccepted() ? user.equals(invitation.acceptedBy())
					: !expired(invitation));
	}

	/**
	 * Accepts an invitation: its shares become the user's from now on, and what they
	 * earned while it was pending moves from its held funds to the user's balance, in one
	 * entry. Accepting it again changes nothing.
	 * @param token the link's token
	 * @param user the account accepting it
	 * @return the accepted invitation
	 * @throws InvitationNotFound if the link is unknown, expired, replaced, or accepted
	 * by someone else
	 */
	@Transactional
	public Invitation accept(String token, UserId user) {
		// Locked: earnings being posted to the held funds finish first (they hold it FOR SHARE).
		Invitation invitation = this.jdbc.sql("""
				select id, owner_id, email, expires_at, accepted_by, accepted_at from invitation
				where token_hash = ? for update""")
			.param(hash(token))
			.query(Invitations::invitation)
			.optional()
			.orElseThrow(InvitationNotFound::new);
		if (invitation.isAccepted()) {
			if (user.equals(invitation.acceptedBy())) {
				return invitation;
			}
			throw new InvitationNotFound();
		}
		if (expired(invitation)) {
			throw new InvitationNotFound();
		}
		Instant now = this.clock.instant();
		this.jdbc.sql("update invitation set accepted_by = ?, accepted_at = ? where id = ?")
			.params(user.value(), Timestamp.from(now), invitation.id())
			.update();
		JournalEntry.Builder entry = JournalEntry.builder(EntryKind.INVITATION_ACCEPTED,
				"invitation:" + invitation.id() + ":accepted", now);
		for (Map.Entry<AccountKey, Long> held : this.ledger.balancesOf(java.util.List.of(invitation.id())).entrySet()) {
			if (held.getKey().kind() == AccountKind.PAYEE_HELD) {
				Currency currency = held.getKey().currency();
				entry.move(held.getKey(), AccountKey.available(user, currency), held.getValue());
			}
		}
		this.ledger.post(entry.build());
		log.info("Invitation {} of artist {} accepted by {}", invitation.id(), invitation.ownerId(), user);
		return new Invitation(invitation.id(), invitation.ownerId(), invitation.email(), invitation.expiresAt(), user,
				now);
	}

	Optional<Invitation> find(UserId owner, String email) {
		return this.jdbc.sql("""
				select id, owner_id, email, expires_at, accepted_by, accepted_at from invitation
				where owner_id = ? and email = ?""")
			.params(owner.value(), email)
			.query(Invitations::invitation)
			.optional();
	}

	private static Invitation invitation(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
		UUID acceptedBy = rs.getObject(5, UUID.class);
		Timestamp acceptedAt = rs.getTimestamp(6);
		return new Invitation(rs.getObject(1, UUID.class), UserId.of(rs.getObject(2, UUID.class)), rs.getString(3),
				rs.getTimestamp(4).toInstant(), (acceptedBy != null) ? UserId.of(acceptedBy) : null,
				(acceptedAt != null) ? acceptedAt.toInstant() : null);
	}

	private static String newToken() {
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	static byte[] hash(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has SHA-256", ex);
		}
	}

}
