package com.notalabel.distribution.delivery;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.security.KeyPair;
import java.security.PublicKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;
import org.apache.sshd.common.util.io.resource.PathResource;
import org.apache.sshd.common.util.security.SecurityUtils;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import com.notalabel.distribution.platform.DistributionProperties;
import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.distribution.platform.DistributionProperties.Sftp;

/**
 * Opens SFTP sessions to the stores with Apache MINA SSHD's client: public-key login (or
 * a password), the store's host key checked against its configured fingerprint, and
 * timeouts on connecting, logging in and every read. One client serves every session.
 */
@Component
public class SftpConnector implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(SftpConnector.class);

	private final SshClient client;

	private final DistributionProperties properties;

	private final Map<String, Collection<KeyPair>> keys = new ConcurrentHashMap<>();

	public SftpConnector(DistributionProperties properties) {
		this.properties = properties;
		this.client = SshClient.setUpDefaultClient();
		// AES-GCM first: the JDK runs it on the processor's AES and carry-less multiply instructions, where
		// MINA's default first choice, ChaCha20-Poly1305, is MINA's own Java code; bench/distribution measured
		// the difference on every byte of an album (ADR 42). The rest stay for stores without GCM.
		this.client.setCipherFactories(new java.util.ArrayList<>(List.<NamedFactory<Cipher>>of(BuiltinCiphers.aes128gcm,
				BuiltinCiphers.aes256gcm, BuiltinCiphers.cc20p1305_openssh, BuiltinCiphers.aes128ctr,
				BuiltinCiphers.aes192ctr, BuiltinCiphers.aes256ctr)));
		CoreModuleProperties.IDLE_TIMEOUT.set(this.client, properties.delivery().ioTimeout());
		CoreModuleProperties.NIO2_READ_TIMEOUT.set(this.client, properties.delivery().ioTimeout());
		this.client.setServerKeyVerifier((session, address, key) -> verify(address, key));
		this.client.start();
	}

	/**
	 * A logged-in SFTP session to the store; closing it closes the SSH session too.
	 * @param platform the store
	 * @return the session
	 * @throws IOException if the store cannot be reached or refuses the login
	 */
	public Connection open(Platform platform) throws IOException {
		Sftp sftp = platform.sftp();
		ClientSession session = this.client.connect(sftp.user(), sftp.host(), sftp.port())
			.verify(this.properties.delivery().connectTimeout())
			.getSession();
		try {
			for (KeyPair key : keys(platform)) {
				session.addPublicKeyIdentity(key);
			}
			if (!sftp.password().isEmpty()) {
				session.addPasswordIdentity(sftp.password());
			}
			session.auth().verify(this.properties.delivery().connectTimeout());
			SftpClient client = SftpClientFactory.instance().createSftpClient(session);
			return new Connection(session, client);
		}
		catch (IOException | RuntimeException ex) {
			session.close(true);
			throw ex;
		}
	}

	@Override
	public void destroy() {
		this.client.stop();
	}

	private Collection<KeyPair> keys(Platform platform) {
		return this.keys.computeIfAbsent(platform.name(), (name) -> load(platform.sftp()));
	}

	private static Collection<KeyPair> load(Sftp sftp) {
		try {
			if (!sftp.privateKey().isBlank()) {
				try (InputStream in = new java.io.ByteArrayInputStream(
						sftp.privateKey().getBytes(StandardCharsets.UTF_8))) {
					return copy(SecurityUtils.loadKeyPairIdentities(null, () -> "private-key", in, null));
				}
			}
			Path file = sftp.privateKeyFile();
			if (file != null && Files.isReadable(file)) {
				try (InputStream in = Files.newInputStream(file)) {
					return copy(SecurityUtils.loadKeyPairIdentities(null, new PathResource(file), in, null));
				}
			}
			return List.of();
		}
		catch (IOException | java.security.GeneralSecurityException ex) {
			throw new IllegalStateException("The SFTP private key of " + sftp + " cannot be read", ex);
		}
	}

	private static List<KeyPair> copy(@org.jspecify.annotations.Nullable Iterable<KeyPair> keys) {
		List<KeyPair> copy = new java.util.ArrayList<>();
		if (keys != null) {
			keys.forEach(copy::add);
		}
		return List.copyOf(copy);
	}

	private boolean verify(SocketAddress address, PublicKey key) {
		String host = (address instanceof InetSocketAddress inet) ? inet.getHostString()
				: (address instanceof SshdSocketAddress sshd) ? sshd.getHostName() : String.valueOf(address);
		int port = (address instanceof InetSocketAddress inet) ? inet.getPort()
				: (address instanceof SshdSocketAddress sshd) ? sshd.getPort() : -1;
		String expected = this.properties.platforms()
			.stream()
			.map(Platform::sftp)
			.filter((sftp) -> sftp.port() == port && sftp.host().equalsIgnoreCase(host))
			.map(Sftp::hostKeyFingerprint)
			.filter((fingerprint) -> !fingerprint.isBlank())
			.findFirst()
			.orElse("");
		if (expected.isBlank()) {
			log.debug("Trusting the host key {} of an SFTP server with no configured fingerprint",
					KeyUtils.getFingerPrint(key));
			return true;
		}
		return KeyUtils.getFingerPrint(key).equals(expected.strip());
	}

	/**
	 * An open SFTP session.
	 *
	 * @param session the SSH session
	 * @param sftp the SFTP channel
	 */
	public record Connection(ClientSession session, SftpClient sftp) implements AutoCloseable {

		@Override
		public void close() {
			try {
				this.sftp.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				this.session.close(true);
			}
		}

	}

}
