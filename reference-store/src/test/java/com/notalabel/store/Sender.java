package com.notalabel.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.keyverifier.RequiredServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;

import com.notalabel.ddex.Acknowledgement;
import com.notalabel.ddex.BatchId;
import com.notalabel.ddex.BatchManifest;

/**
 * A distributor as the tests play it: logs in with its key, pinning the store's host key,
 * and uploads batches the way DDEX's choreography asks (files under a temporary name,
 * then renamed; the manifest last).
 */
final class Sender implements AutoCloseable {

	static final String SENDER_DPID = "PADPIDA2026120600N";

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final SshClient client;

	private final ClientSession session;

	private final SftpClient sftp;

	private Sender(SshClient client, ClientSession session, SftpClient sftp) {
		this.client = client;
		this.session = session;
		this.sftp = sftp;
	}

	static KeyPair newKeyPair() throws NoSuchAlgorithmException {
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(256);
		return generator.generateKeyPair();
	}

	static Sender connect(ReferenceStore store, String user, KeyPair key) throws Exception {
		PublicKey hostKey = PublicKeyEntry.parsePublicKeyEntry(store.hostPublicKey())
			.resolvePublicKey(null, null, null);
		SshClient client = SshClient.setUpDefaultClient();
		client.setServerKeyVerifier(new RequiredServerKeyVerifier(hostKey));
		client.start();
		try {
			ClientSession session = client.connect(user, "127.0.0.1", store.port()).verify(TIMEOUT).getSession();
			session.addPublicKeyIdentity(key);
			session.auth().verify(TIMEOUT);
			return new Sender(client, session, SftpClientFactory.instance().createSftpClient(session));
		}
		catch (Exception ex) {
			client.stop();
			throw ex;
		}
	}

	/**
	 * Uploads a release's folder into a batch: the message and its files; no manifest
	 * yet.
	 */
	void upload(BatchId batch, String reference, byte[] message, Map<String, byte[]> files) throws IOException {
		mkdirs(batch + "/" + reference + "/resources");
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			put(batch + "/" + reference + "/" + file.getKey(), file.getValue());
		}
		put(batch + "/" + reference + "/" + reference + ".xml", message);
	}

	/** Completes a batch: the manifest, last. */
	void complete(BatchId batch, List<BatchManifest.Entry> messages, String storeDpid) throws IOException {
		BatchManifest manifest = new BatchManifest(batch, SENDER_DPID, storeDpid, Instant.now(), messages);
		ByteArrayOutputStream xml = new ByteArrayOutputStream();
		manifest.write(xml);
		put(batch + "/" + manifest.fileName(), xml.toByteArray());
	}

	List<Acknowledgement> acknowledgements() throws IOException {
		List<Acknowledgement> all = new ArrayList<>();
		for (SftpClient.DirEntry entry : this.sftp.readDir(Acknowledgement.FOLDER)) {
			if (Acknowledgement.isAcknowledgementFile(entry.getFilename())) {
				try (InputStream in = this.sftp.read(Acknowledgement.FOLDER + "/" + entry.getFilename())) {
					all.add(Acknowledgement.read(in));
				}
			}
		}
		return all;
	}

	private void put(String path, byte[] content) throws IOException {
		String partial = path + ".partial";
		try (OutputStream out = this.sftp.write(partial)) {
			out.write(content);
		}
		this.sftp.rename(partial, path);
	}

	private void mkdirs(String path) throws IOException {
		StringBuilder done = new StringBuilder();
		for (String part : path.split("/")) {
			done.append(done.isEmpty() ? "" : "/").append(part);
			try {
				this.sftp.lstat(done.toString());
			}
			catch (IOException missing) {
				this.sftp.mkdir(done.toString());
			}
		}
	}

	static String md5(byte[] content) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void close() throws IOException {
		try {
			this.sftp.close();
			this.session.close();
		}
		finally {
			this.client.stop();
		}
	}

}
