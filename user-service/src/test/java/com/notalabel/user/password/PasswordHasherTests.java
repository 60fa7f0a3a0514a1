package com.notalabel.user.password;

import java.time.Duration;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class PasswordHasherTests {

	private static final PasswordHasher hasher = new PasswordHasher(
			new HashingPool(2, 16, Duration.ofMinutes(5), new SimpleMeterRegistry()));

	@Test
	void hashesWithArgon2idAtOwaspParametersAndARandomSalt() {
		String hash = hasher.hash("correct horse battery");

		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		assertThat(hasher.hash("correct horse battery")).isNotEqualTo(hash);
		assertThat(hasher.matches("correct horse battery", hash)).isTrue();
		assertThat(hasher.matches("correct horse batterY", hash)).isFalse();
	}

	@Test
	void matchesTheSamePasswordTypedInAnotherUnicodeForm() {
		String hash = hasher.hash("caf\u00e9 au lait");

		assertThat(hasher.matches("cafe\u0301 au lait", hash)).isTrue();
	}

	@Test
	void answersAnUnpairedSurrogateAsAWrongPasswordInsteadOfFailing() {
		String hash = hasher.hash("correct horse battery");

		assertThat(hasher.matches("\ud800x", hash)).isFalse();
		assertThat(hasher.matches("correct horse \udc00battery", hash)).isFalse();
		assertThat(hasher.matches("\ud800x", null)).isFalse();
	}

	@Test
	void neverMatchesWhenThereIsNoHash() {
		assertThat(hasher.matches("anything at all", null)).isFalse();
	}

	@Test
	void asksForARehashWhenTheParametersDifferEitherWay() {
		assertThat(hasher.needsRehash(hasher.hash("correct horse battery"))).isFalse();
		assertThat(hasher.needsRehash(new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("x"))).isTrue();
		assertThat(hasher.needsRehash(new Argon2PasswordEncoder(16, 32, 1, 65536, 3).encode("x"))).isTrue();
		assertThat(hasher.needsRehash("$2a$10$abcdefghijklmnopqrstuv")).isTrue();
	}

	@Test
	void upgradesOnlyAHashMadeWithOtherParameters() {
		String old = new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("correct horse battery");

		assertThat(hasher.upgrade("correct horse battery", old)).hasValueSatisfying((upgraded) -> {
			assertThat(upgraded).startsWith(PasswordHasher.CURRENT_PREFIX);
			assertThat(hasher.matches("correct horse battery", upgraded)).isTrue();
		});
		assertThat(hasher.upgrade("correct horse battery", hasher.hash("correct horse battery"))).isEmpty();
	}

	@Test
	void refusesToHashInsideATransactionWhoseConnectionItWouldHold() {
		TransactionSynchronizationManager.setActualTransactionActive(true);
		try {
			assertThatIllegalStateException().isThrownBy(() -> hasher.matches("correct horse battery", null));
			assertThatIllegalStateException().isThrownBy(() -> hasher.hash("correct horse battery"));
		}
		finally {
			TransactionSynchronizationManager.setActualTransactionActive(false);
		}
	}

}
