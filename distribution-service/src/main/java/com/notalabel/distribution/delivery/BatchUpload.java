package com.notalabel.distribution.delivery;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClient.Attributes;
import org.apache.sshd.sftp.client.SftpClient.OpenMode;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

import org.springframework.stereotype.Component;

import com.notalabel.ddex.BatchId;
import com.notalabel.ddex.BatchManifest;
import com.notalabel.ddex.ErnMessages;
import com.notalabel.distribution.delivery.Deliveries.DeliveredFile;
import com.notalabel.distribution.delivery.SftpConnector.Connection;
import com.notalabel.distribution.ern.ErnBuilder;
import com.notalabel.distribution.ern.FileFacts;
import com.notalabel.distribution.ern.MessageContent;
import com.notalabel.distribution.platform.DistributionProperties;
import com.notalabel.distribution.platform.DistributionProperties.Platform;
import com.notalabel.distribution.release.ReleaseSnapshot;
import com.notalabel.distribution.release.ReleaseSnapshot.Track;
import com.notalabel.distribution.storage.ObjectReader;

/**
 * Sends one delivery's batch to its store, in DDEX's SFTP choreography:
 * {@code <BatchId>/<UPC>/resources/...} (the originals streamed from the bucket, hashed
 * on the way), then {@code <BatchId>/<UPC>/<UPC>.xml} (the message, naming each file with
 * its MD5), then {@code <BatchId>/BatchComplete_<BatchId>.xml} last. Every file is
 * written under a temporary name and renamed once whole, so the store never reads a half
 * file, and never a batch whose manifest is there before its files.
 *
 * <p>
 * A delivery keeps its batch id across attempts. A retry skips the files an earlier
 * attempt finished (recorded with their MD5 and checked against their size at the store),
 * sends the rest, and finds a manifest already in place when only the database missed the
 * end of the earlier attempt: the batch is never sent twice.
 */
@Component
class BatchUpload {

	private static final int BUFFER = 256 * 1024;

	private final Deliveries deliveries;

	private final ObjectReader objects;

	private final DistributionProperties properties;

	private final Clock clock;

	BatchUpload(Deliveries deliveries, ObjectReader objects, DistributionProperties properties, Clock clock) {
		this.deliveries = deliveries;
		this.objects = objects;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Builds and validates the message with the files' facts as far as known, before any
	 * byte leaves: an invalid message is a bug and fails the delivery here.
	 * @return the message for a delivery with placeholder hashes, as XML
	 */
	byte[] rehearse(Delivery delivery, Platform platform) {
		Map<String, FileFacts> placeholders = new HashMap<>();
		ReleaseSnapshot release = delivery.snapshot();
		for (Track track : release.tracks()) {
			String path = MessageContent.audioPath(release, track);
			placeholders.put(path, new FileFacts(path, "0".repeat(32), track.sizeBytes()));
		}
		if (release.artwork() != null) {
			String path = MessageContent.coverPath(release);
			placeholders.put(path, new FileFacts(path, "0".repeat(32), release.artwork().sizeBytes()));
		}
		return ErnMessages.toBytes(ErnBuilder.build(content(delivery, platform, placeholders)));
	}

	/**
	 * Sends the batch.
	 * @return the message as sent
	 * @throws IOException if the store failed mid-way; what is whole at the store stays
	 * @throws SourceChanged if an original in the bucket is not what was submitted
	 * @throws LeaseLost if the worker lost the delivery meanwhile; it stops before its
	 * next write
	 */
	String send(Delivery delivery, Platform platform, BatchId batch, Connection connection, Lease lease)
			throws IOException {
		SftpClient sftp = connection.sftp();
		ReleaseSnapshot release = delivery.snapshot();
		String batchFolder = join(platform.sftp().folder(), batch.value());
		String releaseFolder = batchFolder + "/" + MessageContent.folder(release);
		String manifestPath = batchFolder + "/" + batch.manifestFileName();
		Map<String, DeliveredFile> done = this.deliveries.deliveredFiles(delivery.id());
		if (exists(sftp, manifestPath) && done.containsKey(MESSAGE)) {
			return new String(read(sftp, releaseFolder + "/" + MessageContent.folder(release) + ".xml"),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		mkdirs(sftp, releaseFolder + "/resources");
		Map<String, FileFacts> files = new HashMap<>();
		for (Track track : release.tracks()) {
			String path = MessageContent.audioPath(release, track);
			files.put(path, upload(sftp, delivery, releaseFolder, path, track.originalKey(), track.sha256(), lease));
		}
		if (release.artwork() != null) {
			String path = MessageContent.coverPath(release);
			files.put(path, upload(sftp, delivery, releaseFolder, path, release.artwork().key(), null, lease));
		}
		byte[] message = ErnMessages.toBytes(ErnBuilder.build(content(delivery, platform, files)));
		String messageName = MessageContent.folder(release) + ".xml";
		String md5 = md5(message);
		put(sftp, releaseFolder + "/" + messageName, new ByteArrayInputStream(message), lease);
		this.deliveries.fileDelivered(delivery.id(), new DeliveredFile(MESSAGE, message.length, md5));
		BatchManifest manifest = new BatchManifest(batch, this.properties.sender().dpid(), platform.dpid(),
				this.clock.instant(), List.of(new BatchManifest.Entry(Deliveries.messageId(delivery.id()),
						MessageContent.folder(release) + "/" + messageName, MessageContent.folder(release), md5)));
		ByteArrayOutputStream xml = new ByteArrayOutputStream();
		manifest.write(xml);
		// The one write that makes the batch visible: never by a worker that may have been replaced.
		lease.ensureHeld();
		put(sftp, manifestPath, new ByteArrayInputStream(xml.toByteArray()), lease);
		return new String(message, java.nio.charset.StandardCharsets.UTF_8);
	}

	/**
	 * The path under which the message's own facts are recorded among the delivered
	 * files.
	 */
	static final String MESSAGE = "(message)";

	private FileFacts upload(SftpClient sftp, Delivery delivery, String releaseFolder, String path, String key,
			@org.jspecify.annotations.Nullable String sha256, Lease lease) throws IOException {
		String target = releaseFolder + "/" + path;
		DeliveredFile earlier = this.deliveries.deliveredFiles(delivery.id()).get(path);
		if (earlier != null) {
			Attributes attributes = stat(sftp, target);
			if (attributes != null && attributes.getSize() == earlier.sizeBytes()) {
				return new FileFacts(path, earlier.md5(), earlier.sizeBytes());
			}
		}
		MessageDigest md5 = digest("MD5");
		MessageDigest sha = digest("SHA-256");
		long size;
		try (InputStream source = this.objects.open(key);
				InputStream hashed = new DigestInputStream(new DigestInputStream(source, md5), sha)) {
			size = put(sftp, target, hashed, lease);
		}
		String shaHex = HexFormat.of().formatHex(sha.digest());
		if (sha256 != null && !sha256.equals(shaHex)) {
			sftp.remove(target);
			throw new SourceChanged(key);
		}
		FileFacts facts = new FileFacts(path, HexFormat.of().formatHex(md5.digest()), size);
		this.deliveries.fileDelivered(delivery.id(), new DeliveredFile(path, size, facts.md5()));
		return facts;
	}

	/**
	 * Writes a file under a temporary name, then renames it into place.
	 * @return the bytes written
	 */
	private static long put(SftpClient sftp, String target, InputStream in, Lease lease) throws IOException {
		String temporary = target + ".part";
		long size = 0;
		try (OutputStream out = sftp.write(temporary, BUFFER, OpenMode.Write, OpenMode.Create, OpenMode.Truncate)) {
			byte[] buffer = new byte[BUFFER];
			int read;
			while ((read = in.read(buffer)) != -1) {
				lease.ensureHeld();
				out.write(buffer, 0, read);
				size += read;
			}
		}
		lease.ensureHeld();
		if (exists(sftp, target)) {
			sftp.remove(target);
		}
		sftp.rename(temporary, target);
		return size;
	}

	private MessageContent content(Delivery delivery, Platform platform, Map<String, FileFacts> files) {
		LocalDate dealsEnd = (delivery.kind() == DeliveryKind.TAKEDOWN)
				? LocalDate.ofInstant(delivery.createdAt(), ZoneOffset.UTC) : null;
		return new MessageContent(delivery.snapshot(), Deliveries.messageId(delivery.id()),
				this.properties.sender().dpid(), this.properties.sender().name(), platform.dpid(),
				platform.displayName(), delivery.createdAt(), dealsEnd, files);
	}

	private static byte[] read(SftpClient sftp, String path) throws IOException {
		try (InputStream in = sftp.read(path)) {
			return in.readAllBytes();
		}
	}

	private static void mkdirs(SftpClient sftp, String path) throws IOException {
		StringBuilder current = new StringBuilder(path.startsWith("/") ? "" : ".");
		for (String part : path.split("/")) {
			if (part.isEmpty() || part.equals(".")) {
				continue;
			}
			current.append('/').append(part);
			String folder = current.toString();
			if (stat(sftp, folder) == null) {
				try {
					sftp.mkdir(folder);
				}
				catch (SftpException ex) {
					// Another attempt may have made it meanwhile.
					if (stat(sftp, folder) == null) {
						throw ex;
					}
				}
			}
		}
	}

	private static boolean exists(SftpClient sftp, String path) throws IOException {
		return stat(sftp, path) != null;
	}

	private static @org.jspecify.annotations.Nullable Attributes stat(SftpClient sftp, String path) throws IOException {
		try {
			return sftp.stat(path);
		}
		catch (SftpException ex) {
			if (ex.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE
					|| ex.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
				return null;
			}
			throw ex;
		}
	}

	static String join(String folder, String name) {
		if (folder.isEmpty() || folder.equals("/")) {
			return "/" + name;
		}
		return (folder.endsWith("/") ? folder : folder + "/") + name;
	}

	static String md5(byte[] bytes) {
		return HexFormat.of().formatHex(digest("MD5").digest(bytes));
	}

	private static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(algorithm + " is part of every JDK", ex);
		}
	}

	/**
	 * An original in the bucket is not the file that was submitted.
	 */
	static final class SourceChanged extends RuntimeException {

		private static final long serialVersionUID = 1L;

		SourceChanged(String key) {
			super("The object " + key + " does not have the SHA-256 the catalogue announced", null, false, false);
		}

	}

}
