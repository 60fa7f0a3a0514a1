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

	@Test
	void givesAnalyticsItsOwnKeyAndTheStoresReportFolders() throws Exception {
		try (ReferenceStores stores = ReferenceStores.start(new Layout(this.root), List.of(0, 0))) {
			Map<String, String> environment = stores.analyticsEnvironment();
			Map<String, String> distribution = stores.distributionEnvironment();

			assertThat(environment).containsEntry("STORE_REPORTS_POLL_INTERVAL", ReferenceStores.REPORTS_POLL_INTERVAL);
			Path key = Path.of(environment.get("NAL_ANALYTICS_STORES_0_PRIVATE_KEY"));
			assertThat(key).isNotEqualTo(Path.of(distribution.get("DISTRIBUTION_SFTP_PRIVATE_KEY_FILE")));
			assertThat(Files.getPosixFilePermissions(key)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
			for (int i = 0; i < 2; i++) {
				String prefix = "NAL_ANALYTICS_STORES_" + i + "_";
				String letter = (i == 0) ? "A" : "B";
				assertThat(environment.get(prefix + "NAME")).isEqualTo("Reference Store " + letter);
				assertThat(environment.get(prefix + "PORT"))
					.isEqualTo(distribution.get("DISTRIBUTION_STORE_" + letter + "_PORT"));
				assertThat(environment.get(prefix + "USER")).isEqualTo(ReferenceStores.USER);
				assertThat(environment.get(prefix + "HOST_KEY"))
					.isEqualTo(distribution.get("DISTRIBUTION_STORE_" + letter + "_HOST_KEY"));
				assertThat(listRoot(Integer.parseInt(environment.get(prefix + "PORT")), key,
						environment.get(prefix + "HOST_KEY")))
					.contains("reports");
			}
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
