package com.notalabel.user.session;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import com.notalabel.types.events.user.SessionRevoked.RevocationReason;
import com.notalabel.types.id.SessionId;
import com.notalabel.types.id.UserId;
import com.notalabel.user.account.Account;
import com.notalabel.user.account.AccountRepository;
import com.notalabel.user.opaque.OpaqueToken;
import com.notalabel.user.token.AccessToken;
import com.notalabel.user.token.AccessTokenIssuer;

/**
 * Starts, refreshes and ends sessions.
 *
 * <p>
 * Refresh tokens rotate on every use (RFC 9700 §4.14.2). A rotated token that comes back
 * is taken as stolen and ends the whole session, with one exception: within a few seconds
 * of its rotation (parallel requests of one browser, a response lost on the way), it gets
 * the very pair that replaced it instead of a new one. All of this happens under a lock
 * on the session's row, so that twenty parallel refreshes with one token rotate it once.
 */
@Service
public class Sessions {

	private final SessionRepository sessions;

	private final RefreshTokenRepository refreshTokens;

	private final AccountRepository accounts;

	private final AccessTokenIssuer accessTokens;

	private final SessionRevocations revocations;

	private final SessionProperties properties;

	private final Clock clock;

	Sessions(SessionRepository sessions, RefreshTokenRepository refreshTokens, AccountRepository accounts,
			AccessTokenIssuer accessTokens, SessionRevocations revocations, SessionProperties properties, Clock clock) {
		this.sessions = sessions;
		this.refreshTokens = refreshTokens;
		this.accounts = accounts;
		this.accessTokens = accessTokens;
		this.revocations = revocations;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Starts a session with its first tokens, in the caller's transaction (the sign-in or
	 * registration that proved who the person is).
	 * @param account the signed-in account
	 * @param device the client's description (its user agent)
	 * @return the tokens
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public SignIn start(Account account, String device) {
		Instant now = this.clock.instant();
		Session session = this.sessions.save(Session.start(account.id(), device, now, this.properties.lifetime()));
		return issueTokens(session, account, now);
	}

	/**
	 * Exchanges a refresh token for a new pair.
	 * @param presented the refresh token from the cookie
	 * @return the new pair, or why there is none
	 */
	@Transactional
	public RefreshOutcome refresh(String presented) {
		Optional<Session> locked = lockSessionOf(presented);
		if (locked.isEmpty()) {
			return RefreshOutcome.REFUSED;
		}
		Session session = locked.get();
		Instant now = this.clock.instant();
		RefreshToken token = this.refreshTokens.findById(OpaqueToken.hashOf(presented)).orElseThrow();
		Account account = this.accounts.findById(session.userId().value()).orElse(null);
		if (!session.isActive(now) || account == null) {
			return RefreshOutcome.REFUSED;
		}
		if (!token.isRotated()) {
			SignIn signIn = issueTokens(session, account, now);
			token.rotate(now, new SealedSuccessor(signIn.refreshToken(), signIn.accessToken().value(),
					signIn.accessToken().expiresAt())
				.seal(presented, session.id()));
			return RefreshOutcome.refreshed(signIn);
		}
		SignIn racedTo = successorWithinGrace(token, presented, session, now);
		if (racedTo != null) {
			return RefreshOutcome.refreshed(racedTo);
		}
		revoke(session, RevocationReason.REFRESH_TOKEN_REUSE, now);
		return RefreshOutcome.REVOKED_FOR_REUSE;
	}

	/**
	 * Ends the session a refresh token belongs to; does nothing for an unknown token.
	 * @param presented the refresh token from the cookie
	 */
	@Transactional
	public void logout(String presented) {
		lockSessionOf(presented).ifPresent((session) -> revoke(session, RevocationReason.LOGOUT, this.clock.instant()));
	}

	/**
	 * The sessions of a person that can still be used, most recently used first.
	 */
	@Transactional(readOnly = true)
	public Page<Session> active(UserId user, Pageable page) {
		return this.sessions.findActive(user.value(), this.clock.instant(), page);
	}

	/**
	 * Every session of a person that is still stored, ended ones included, oldest first.
	 */
	@Transactional(readOnly = true)
	public List<Session> all(UserId user) {
		return this.sessions.findByAccountIdOrderByCreatedAt(user.value());
	}

	/**
	 * Ends one of a person's sessions from their list of devices.
	 * @param user the person
	 * @param id the session
	 * @throws SessionNotFound if it is not one of theirs or already ended
	 */
	@Transactional
	public void end(UserId user, SessionId id) {
		Instant now = this.clock.instant();
		Session session = this.sessions.lockById(id.value())
			.filter((candidate) -> candidate.userId().equals(user) && candidate.isActive(now))
			.orElseThrow(SessionNotFound::new);
		revoke(session, RevocationReason.SESSION_DELETED, now);
	}

	/**
	 * Ends every session of a person, in the caller's transaction.
	 * @param user the person
	 * @param reason why
	 * @param except a session to keep (the one that changed the password), or
	 * {@code null}
	 * @return how many were ended
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public int revokeAll(UserId user, RevocationReason reason, @Nullable SessionId except) {
		Instant now = this.clock.instant();
		int revoked = 0;
		for (Session session : this.sessions.lockUnrevoked(user.value())) {
			if (!session.id().equals(except)) {
				revoke(session, reason, now);
				revoked++;
			}
		}
		return revoked;
	}

	/**
	 * Whether a session may still be used with its access tokens: it exists and is not
	 * revoked. Its absolute expiry does not matter here; its access tokens carry their
	 * own.
	 */
	@Transactional(readOnly = true)
	public boolean isUnrevoked(SessionId session, UserId user) {
		return this.sessions.isUnrevoked(session.value(), user.value());
	}

	/**
	 * Deletes sessions that ended long enough ago that no token of theirs works.
	 */
	@Scheduled(fixedDelayString = "${nal.sessions.cleanup-interval:1h}", initialDelayString = "1m")
	@Transactional
	public void deleteFinished() {
		this.sessions.deleteFinished(this.clock.instant());
	}

	private Optional<Session> lockSessionOf(String presented) {
		if (!OpaqueToken.isWellFormed(presented)) {
			return Optional.empty();
		}
		// The token row is read only after the session's lock is held, so that a request
		// that waited for a parallel one sees its rotation.
		return this.refreshTokens.findSessionIdOf(OpaqueToken.hashOf(presented)).flatMap(this.sessions::lockById);
	}

	private SignIn issueTokens(Session session, Account account, Instant now) {
		OpaqueToken refreshToken = OpaqueToken.generate();
		this.refreshTokens.save(new RefreshToken(refreshToken.hash(), session.id(), now));
		AccessToken accessToken = this.accessTokens.issue(account.id(), session.id(), account.roleNames(), now);
		session.tokensIssued(now, accessToken.expiresAt());
		return new SignIn(session.id(), account.id(), accessToken, refreshToken.value(), session.expiresAt());
	}

	private @Nullable SignIn successorWithinGrace(RefreshToken token, String presented, Session session, Instant now) {
		byte[] sealed = token.successorWithin(this.properties.refreshReuseGrace(), now);
		SealedSuccessor successor = (sealed != null) ? SealedSuccessor.open(sealed, presented, session.id()) : null;
		if (successor == null) {
			return null;
		}
		boolean successorUnused = this.refreshTokens.findById(OpaqueToken.hashOf(successor.refreshToken()))
			.filter((next) -> !next.isRotated())
			.isPresent();
		if (!successorUnused) {
			return null;
		}
		return new SignIn(session.id(), session.userId(),
				new AccessToken(successor.accessToken(), successor.accessExpiresAt()), successor.refreshToken(),
				session.expiresAt());
	}

	private void revoke(Session session, RevocationReason reason, Instant now) {
		if (session.revoke(reason, now)) {
			this.revocations.record(session, reason, now);
		}
	}

}
