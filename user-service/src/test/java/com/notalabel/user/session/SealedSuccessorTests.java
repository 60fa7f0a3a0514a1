package com.notalabel.user.session;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.notalabel.types.id.SessionId;
import com.notalabel.user.opaque.OpaqueToken;

import static org.assertj.core.api.Assertions.assertThat;

class SealedSuccessorTests {

	private final String replaced = OpaqueToken.generate().value();

	private final SessionId session = SessionId.newId();

	private final SealedSuccessor successor = new SealedSuccessor(OpaqueToken.generate().value(), "header.claims.sig",
			Instant.parse("2030-01-02T00:00:00Z"));

	@Test
	void opensWithTheTokenItReplaced() {
		byte[] sealed = this.successor.seal(this.replaced, this.session);

		assertThat(SealedSuccessor.open(sealed, this.replaced, this.session)).isEqualTo(this.successor);
	}

	@Test
	void hidesThePairFromAnyoneWithoutThatToken() {
		byte[] sealed = this.successor.seal(this.replaced, this.session);

		assertThat(new String(sealed, java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(this.successor.refreshToken());
		assertThat(SealedSuccessor.open(sealed, OpaqueToken.generate().value(), this.session)).isNull();
		assertThat(SealedSuccessor.open(sealed, this.replaced, SessionId.newId())).isNull();
	}

	@Test
	void refusesATamperedOrTruncatedBox() {
		byte[] sealed = this.successor.seal(this.replaced, this.session);
		sealed[sealed.length - 1] ^= 1;

		assertThat(SealedSuccessor.open(sealed, this.replaced, this.session)).isNull();
		assertThat(SealedSuccessor.open(new byte[5], this.replaced, this.session)).isNull();
	}

	@Test
	void sealsTheSamePairDifferentlyEachTime() {
		assertThat(this.successor.seal(this.replaced, this.session))
			.isNotEqualTo(this.successor.seal(this.replaced, this.session));
	}

}
