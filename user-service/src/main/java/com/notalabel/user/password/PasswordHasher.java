package com.notalabel.user.password;

import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.keygen.KeyGenerators;

/**
 * Argon2id at OWASP's parameters: 19 MiB of memory, 2 iterations, 1 lane, a 16-byte salt
 * and a 32-byte hash, stored in the PHC string format.
 *
 * <p>
 * Every hash takes 19 MiB for the time it runs, so at most a fixed number run at once;
 * further requests wait their turn instead of exhausting the heap. A sign-in for an
 * unknown address verifies against a dummy hash with the same parameters, so that it
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

	private final Semaphore running;

	private final String dummyHash;

	/**
	 * @param concurrency how many hashes may run at once
	 */
	PasswordHasher(int concurrency) {
		this.running = new Semaphore(concurrency, true);
		this.dummyHash = hash(KeyGenerators.string().generateKey());
	}

	/**
	 * Hashes a new password.
	 * @param password as the person typed it
	 * @return the PHC string
	 */
	public String hash(String password) {
		return withPermit(() -> this.encoder.encode(PasswordPolicy.normalize(password)));
	}

	/**
	 * Checks a password against a stored hash, or against a dummy hash when there is none
	 * (an unknown address), which takes the same time and never matches.
	 * @param password as the person typed it
	 * @param hash the stored hash, or {@code null}
	 * @return whether they match
	 */
	public boolean matches(String password, @Nullable String hash) {
		String normalized = PasswordPolicy.normalize(password);
		if (hash == null) {
			withPermit(() -> this.encoder.matches(normalized, this.dummyHash));
			return false;
		}
		return withPermit(() -> this.encoder.matches(normalized, hash));
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

	private <T> T withPermit(java.util.function.Supplier<T> work) {
		this.running.acquireUninterruptibly();
		try {
			return work.get();
		}
		finally {
			this.running.release();
		}
	}

}
