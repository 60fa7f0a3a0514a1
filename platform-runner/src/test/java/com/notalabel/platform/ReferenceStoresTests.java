package com.notalabel.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ReferenceStoresTests {

	@TempDir
	Path root;

	@Test
	void givesDistributionAKeyTheStoresLetInAndTheirPinnedHostKeys() throws Exception {
		Map<String, String> environment;
		try (ReferenceStores stores = ReferenceStores.start(new Layout(this.root), List.of(0, 0))) {
			environment = stores.distributionEnvironment();
			Path key = Path.of(environment.get("DISTRIBUTION_SFTP_PRIVATE_KEY_FILE"));

			assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			for (String letter : List.of("A", "B")) {
				String prefix = "DISTRIBUTION_STORE_" + letter + "_";
				assertThat(environment.get(prefix + "HOST_KEY")).startsWith("SHA256:");
				assertThat(listRoot(Integer.parseInt(environment.get(prefix + "PORT")), key,
						environment.get(prefix + "HOST_KEY")))
					.contains("acknowledgements");
			}
		}

		try (ReferenceStores again = ReferenceStores.start(new Layout(this.root), List.of(0, 0))) {
			Map<String, String> restarted = again.distributionEnvironment();

			assertThat(restarted.get("DISTRIBUTION_STORE_A_HOST_KEY"))
				.isEqualTo(environment.get("DISTRIBUTION_STORE_A_HOST_KEY"));
			assertThat(Files.readString(Path.of(restarted.get("DISTRIBUTION_SFTP_PRIVATE_KEY_FILE"))))
				.isEqualTo(Files.readString(Path.of(environment.get("DISTRIBUTION_SFTP_PRIVATE_KEY_FILE"))));
		}
	}

	/**
	 * Logs in as distribution does: the key file, the host key checked against its
	 * fingerprint.
	 */
	private static List<String> listRoot(int port, Path keyFile, String fingerprint) throws Exception {
		SshClient client = SshClient.setUpDefaultClient();
		client.setServerKeyVerifier(
				(session, address, serverKey) -> KeyUtils.getFingerPrint(serverKey).equals(fingerprint));
		client.start();
		try (ClientSession session = client.connect(ReferenceStores.USER, "127.0.0.1", port)
			.verify(Duration.ofSeconds(10))
			.getSession()) {
			session.addPublicKeyIdentity(SecurityUtils
				.loadKeyPairIdentities(null, null, Files.newInputStream(keyFile), FilePasswordProvider.EMPTY)
				.iterator()
				.next());
			session.auth().verify(Duration.ofSeconds(10));
			try (SftpClient sftp = SftpClientFactory.instance().createSftpClient(session)) {
				return java.util.stream.StreamSupport.stream(sftp.readDir(".").spliterator(), false)
					.map(SftpClient.DirEntry::getFilename)
					.toList();
			}
		}
		finally {
			client.stop();
		}
	}

}
