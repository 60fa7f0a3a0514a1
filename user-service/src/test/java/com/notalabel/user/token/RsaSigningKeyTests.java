package com.notalabel.user.token;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RsaSigningKeyTests {

	@Test
	void readsTheKeyItWritesWithTheSameThumbprintKid() {
		RsaSigningKey key = RsaSigningKey.generate();

		RsaSigningKey read = RsaSigningKey.fromPem(key.toPem());

		assertThat(read.kid()).isEqualTo(key.kid()).hasSize(43);
		assertThat(read.publicKey()).isEqualTo(key.publicKey());
		assertThat(key.toPem()).startsWith("-----BEGIN PRIVATE KEY-----\n");
	}

	@Test
	void readsAPemWhoseLineBreaksWereEscapedForTheEnvironment() {
		RsaSigningKey key = RsaSigningKey.generate();

		assertThat(RsaSigningKey.fromPem(key.toPem().replace("\n", "\\n")).kid()).isEqualTo(key.kid());
	}

	@Test
	void publishesOnlyThePublicPartForRs256Signatures() {
		RsaSigningKey key = RsaSigningKey.generate();

		assertThat(key.publicJwk().isPrivate()).isFalse();
		assertThat(key.publicJwk().getKeyID()).isEqualTo(key.kid());
		assertThat(key.publicJwk().getAlgorithm().getName()).isEqualTo("RS256");
		assertThat(key.toString()).doesNotContain(key.toPem());
	}

	@Test
	void refusesKeysShorterThan2048Bits() throws Exception {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
		generator.initialize(1024);
		String pem = "-----BEGIN PRIVATE KEY-----\n"
				+ Base64.getMimeEncoder().encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
				+ "\n-----END PRIVATE KEY-----\n";

		assertThatIllegalArgumentException().isThrownBy(() -> RsaSigningKey.fromPem(pem)).withMessageContaining("2048");
	}

	@Test
	void refusesWhatIsNotAPkcs8PrivateKey() {
		assertThatIllegalArgumentException().isThrownBy(() -> RsaSigningKey.fromPem("-----BEGIN RSA PRIVATE KEY-----"))
			.withMessageContaining("PKCS#8");
	}

	@Test
	void generatesALocalKeyOnceAndKeepsItReadableOnlyByItsOwner(@TempDir Path directory) throws Exception {
		Path file = directory.resolve("keys/jwt-signing-key.pem");

		RsaSigningKey created = LocalSigningKey.loadOrCreate(file);
		RsaSigningKey loaded = LocalSigningKey.loadOrCreate(file);

		assertThat(loaded.kid()).isEqualTo(created.kid());
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var files = Files.list(file.getParent())) {
			assertThat(files).containsExactly(file);
		}
	}

}
