package com.notalabel.user.password;

import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import com.notalabel.user.web.RequestArrival;

/**
 * Argon2id at OWASP's parameters: 19 MiB of memory, 2 iterations, 1 lane, a 16-byte salt
 * and a 32-byte hash, stored in the PHC string format.
 *
 * <p>
 * Every hash runs in the {@link HashingPool}: a fixed number at once, the others waiting
 * their turn for a bounded time, counted from their request's arrival, and then refused
 * with {@link HashingBusy}. Callers never hash inside a transaction: a hash takes tens of
 * milliseconds, during which a held connection would be lost to every other request (a
 * crowd of sign-ins would exhaust the pool); this is checked on every call. A sign-in for
 * an unknown address verifies against a dummy hash with the same parameters, so that it
 * takes as long as a wrong password.
 */
public final class PasswordHasher {

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	static final int PARALLELISM = 1;

	private static final int SALT_BYTES = 16;

	private static final int HASH_BYTES = 32;

	/** The PHC prefix of a hash made with the current parameters. */
	static final String CURRENT_PREFIX = "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM
			+ "$";

	private final Argon2PasswordEncoder encoder = new Argon2PasswordEncoder(SALT_BYTES, HASH_BYTES, PARALLELISM,
			MEMORY_KIB, ITERATIONS);

	private final HashingPool pool;

	private final String dummyHash;

	/**
	 * @param pool where the hashes run
	 */
	PasswordHasher(HashingPool pool) {
		this.pool = pool;
		this.dummyHash = this.encoder.encode(KeyGenerators.string().generateKey());
	}

	/**
	 * Hashes a new password.
	 * @param password as the person typed it
	 * @return the PHC string
	 * @throws HashingBusy if no hashing thread was free in time
	 */
	public String hash(String password) {
		String normalized = PasswordPolicy.normalize(password);
		return run(() -> this.encoder.encode(normalized));
	}

	/**
	 * Checks a password against a stored hash, or against a dummy hash when there is none
	 * (an unknown address), which takes the same time and never matches.
	 * @param password as the person typed it
	 * @param hash the stored hash, or {@code null}
	 * @return whether they match
	 * @throws HashingBusy if no hashing thread was free in time
	 */
	public boolean matches(String password, @Nullable String hash) {
		String normalized = PasswordPolicy.normalize(password);
		if (hash == null) {
			run(() -> this.encoder.matches(normalized, this.dummyHash));
			return false;
		}
		return run(() -> this.encoder.matches(normalized, hash));
	}

	/**
	 * A new hash of a password that was just verified against a hash made with other
	 * parameters, to replace it. Optional work: if no hashing thread is free in time, the
	 * old hash stays until the next sign-in.
	 * @param password the verified password, as typed
	 * @param verifiedHash the hash it was verified against
	 * @return the new hash, or empty if none is needed or no thread was free
	 */
	public Optional<String> upgrade(String password, String verifiedHash) {
		if (!needsRehash(verifiedHash)) {
			return Optional.empty();
		}
		try {
			return Optional.of(hash(password));
		}
		catch (HashingBusy ex) {
			return Optional.empty();
		}
	}

	/**
	 * Whether a stored hash was made with other parameters than the current ones, in
	 * either direction, and should be replaced at the next successful sign-in.
	 * @param hash the stored hash
	 * @return whether to rehash
	 */
	public boolean needsRehash(String hash) {
		return !hash.startsWith(CURRENT_PREFIX);
	}

	private <T> T run(Supplier<T> work) {
		if (TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalStateException("A password is never hashed inside a transaction: its connection "
					+ "would be held for the whole hash. Read what is needed, commit, then hash.");
		}
		return this.pool.run(work, RequestArrival.nanoTime().orElseGet(System::nanoTime));
	}

}
