package com.notalabel.user.avatar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.notalabel.shared.events.EventPublisher;
import com.notalabel.shared.storage.ObjectStore;
import com.notalabel.shared.transaction.AfterCommit;
import com.notalabel.types.Uuid7;
import com.notalabel.types.id.UserId;
import com.notalabel.user.account.Account;
import com.notalabel.user.account.AccountNotFound;
import com.notalabel.user.account.AccountRepository;
import com.notalabel.user.account.ProfileUpdates;
import com.notalabel.user.account.UserResponse;

/**
 * Stores, serves and removes profile pictures. The objects of an upload are written
 * before the account refers to them and removed if that fails; a replaced picture's
 * objects are removed once the account refers to the new one. Image work and S3 traffic
 * happen outside any database transaction.
 */
@Service
public class Avatars {

	private static final Logger log = LoggerFactory.getLogger(Avatars.class);

	private static final String JPEG = "image/jpeg";

	private final AccountRepository accounts;

	private final AvatarProcessor processor;

	private final ObjectStore storage;

	private final EventPublisher events;

	private final AvatarProperties properties;

	private final TransactionTemplate transaction;

	private final TransactionTemplate readOnly;

	private final Clock clock;

	Avatars(AccountRepository accounts, AvatarProcessor processor, ObjectStore storage, EventPublisher events,
			AvatarProperties properties, PlatformTransactionManager transactions, Clock clock) {
		this.accounts = accounts;
		this.processor = processor;
		this.storage = storage;
		this.events = events;
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.clock = clock;
	}

	/**
	 * Replaces the person's picture with an uploaded image.
	 * @param user the person
	 * @param body the request body, read up to {@code nal.avatar.max-size}
	 * @param declaredLength the body's {@code Content-Length}, or -1
	 * @return the account with its new picture
	 */
	UserResponse replace(UserId user, InputStream body, long declaredLength) {
		Map<AvatarSize, byte[]> renditions = this.processor.process(read(body, declaredLength));
		UUID avatar = Uuid7.next();
		List<String> written = new ArrayList<>();
		Changed changed;
		try {
			for (Map.Entry<AvatarSize, byte[]> rendition : renditions.entrySet()) {
				String key = key(user, avatar, rendition.getKey());
				written.add(key);
				this.storage.put(key, rendition.getValue(), JPEG);
			}
			changed = change(user, (account, now) -> account.replaceAvatar(avatar, now));
		}
		catch (SdkException ex) {
			log.warn("Could not store a picture: {}", ex.toString());
			removeQuietly(written, "objects of a picture that was not stored");
			throw new AvatarStorageUnavailable();
		}
		catch (RuntimeException ex) {
			removeQuietly(written, "objects of a picture that was not stored");
			throw ex;
		}
		removeQuietly(user, changed.previous());
		return changed.account();
	}

	/**
	 * Takes the picture off the profile and removes its objects; no picture is no error.
	 * @param user the person
	 */
	void remove(UserId user) {
		Changed changed = change(user, (account, now) -> account.removeAvatar(now));
		removeQuietly(user, changed.previous());
	}

	/**
	 * The public picture of an artist, as far as the account knows it.
	 * @param handle the artist's handle
	 * @param size the size
	 * @return the picture, to be read with {@link #content}
	 * @throws AvatarNotFound if there is no such artist or no picture
	 */
	Picture ofArtist(String handle, AvatarSize size) {
		Account account = this.readOnly
			.execute((status) -> this.accounts.findByHandle(handle.toLowerCase(Locale.ROOT)).orElse(null));
		if (account == null || account.avatarId() == null) {
			throw new AvatarNotFound();
		}
		return new Picture(account.id(), account.avatarId(), size);
	}

	/**
	 * The person's own picture, whether or not the profile is public yet.
	 * @param user the person
	 * @param size the size
	 * @return the picture, to be read with {@link #content}
	 */
	Picture ofUser(UserId user, AvatarSize size) {
		UUID avatar = this.readOnly
			.execute((status) -> this.accounts.findById(user.value()).orElseThrow(AccountNotFound::new).avatarId());
		if (avatar == null) {
			throw new AvatarNotFound();
		}
		return new Picture(user, avatar, size);
	}

	/**
	 * @param picture a picture
	 * @return its JPEG
	 * @throws AvatarNotFound if it was replaced since it was looked up
	 * @throws AvatarStorageUnavailable if storage cannot be read
	 */
	byte[] content(Picture picture) {
		try {
			return this.storage.read(key(picture.user(), picture.avatar(), picture.size()))
				.orElseThrow(AvatarNotFound::new)
				.content();
		}
		catch (SdkException ex) {
			log.warn("Could not read a picture: {}", ex.toString());
			throw new AvatarStorageUnavailable();
		}
	}

	/**
	 * Removes every picture of an account being erased, once its erasure commits.
	 * @param user the erased account
	 */
	public void eraseAfterCommit(UserId user) {
		AfterCommit.run("remove the pictures of erased account " + user, () -> {
			int removed = this.storage.deletePrefix(prefix(user));
			log.atInfo()
				.addKeyValue("event.action", "avatars-erased")
				.addKeyValue("user.id", user)
				.addKeyValue("objects", removed)
				.log("Pictures of an erased account removed");
		});
	}

	private Changed change(UserId user, AvatarChange change) {
		return this.transaction.execute((status) -> {
			Account account = this.accounts.lockById(user.value()).orElseThrow(AccountNotFound::new);
			Instant now = this.clock.instant();
			UUID previous = change.apply(account, now);
			if (!java.util.Objects.equals(previous, account.avatarId())) {
				this.events.publish(ProfileUpdates.of(account, now));
			}
			return new Changed(UserResponse.of(account), previous);
		});
	}

	private byte[] read(InputStream body, long declaredLength) {
		long max = this.properties.maxSize().toBytes();
		if (declaredLength > max) {
			throw new AvatarTooLarge(max);
		}
		try {
			// One byte past the limit tells a body that is too large from one that is exactly at it.
			byte[] bytes = body.readNBytes(Math.toIntExact(max + 1));
			if (bytes.length > max) {
				throw new AvatarTooLarge(max);
			}
			return bytes;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	// avatars/<userId>/<avatarId>-<size>: flat under the account, so that its prefix is all
	// there is to list or delete on erasure.
	private static String key(UserId user, UUID avatar, AvatarSize size) {
		return prefix(user) + avatar + "-" + size.key();
	}

	private static String prefix(UserId user) {
		return "avatars/" + user + "/";
	}

	private void removeQuietly(UserId user, @Nullable UUID avatar) {
		if (avatar != null) {
			List<String> keys = new ArrayList<>();
			for (AvatarSize size : AvatarSize.values()) {
				keys.add(key(user, avatar, size));
			}
			removeQuietly(keys, "objects of a replaced picture");
		}
	}

	private void removeQuietly(List<String> keys, String what) {
		if (keys.isEmpty()) {
			return;
		}
		try {
			this.storage.delete(keys);
		}
		catch (RuntimeException ex) {
			// The account no longer refers to them; they stay under its prefix, which its
			// erasure removes.
			log.warn("Could not remove {} {}: {}", keys.size(), what, ex.toString());
		}
	}

	@FunctionalInterface
	private interface AvatarChange {

		@Nullable UUID apply(Account account, Instant now);

	}

	private record Changed(UserResponse account, @Nullable UUID previous) {

	}

	/**
	 * A stored picture.
	 *
	 * @param user whose it is
	 * @param avatar the upload it belongs to
	 * @param size its size
	 */
	record Picture(UserId user, UUID avatar, AvatarSize size) {

		/** Strong: the bytes of an upload's size never change. */
		String etag() {
			return "\"" + this.avatar + "-" + this.size.key() + "\"";
		}

	}

}
