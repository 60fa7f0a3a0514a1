package com.notalabel.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import javax.xml.stream.XMLStreamException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.notalabel.ddex.Acknowledgement;
import com.notalabel.ddex.Acknowledgement.Status;
import com.notalabel.ddex.BatchId;
import com.notalabel.ddex.BatchManifest;
import com.notalabel.ddex.ErnMessages;

/**
 * What a store does with what arrives over SFTP. A batch is looked at only once its
 * manifest is there (the sender uploads it last), so a half-uploaded batch is never
 * taken; each release in it is checked against DDEX's schema and every file against its
 * hash sum, and answered with an acknowledgement. Accepted releases are reported live on
 * their release date. What the store has done is kept in its state folder, so a restart
 * neither repeats nor forgets it.
 */
final class Ingestion {

	private static final Logger logger = LoggerFactory.getLogger(Ingestion.class);

	/** Messages are a few hundred kilobytes; a bigger one is refused unread. */
	private static final long MAX_MESSAGE_BYTES = 32L << 20;

	private static final String BATCH_REFERENCE = "BATCH";

	private final StoreSettings settings;

	private final Path sftpRoot;

	private final Path acknowledgements;

	private final Path ingested;

	private final Path releases;

	Ingestion(StoreSettings settings) {
		this.settings = settings;
		this.sftpRoot = settings.sftpRoot();
		this.acknowledgements = this.sftpRoot.resolve(Acknowledgement.FOLDER);
		this.ingested = settings.stateDirectory().resolve("ingested");
		this.releases = settings.stateDirectory().resolve("releases");
		try {
			Files.createDirectories(this.acknowledgements);
			Files.createDirectories(this.ingested);
			Files.createDirectories(this.releases);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The store's folders could not be made under " + settings.directory(), ex);
		}
	}

	/** Takes every complete batch not taken yet, then reports what is due live. */
	void scan() throws IOException {
		for (Path batch : completeBatches()) {
			ingest(batch, new BatchId(batch.getFileName().toString()));
		}
		reportLive();
	}

	private List<Path> completeBatches() throws IOException {
		List<Path> complete = new ArrayList<>();
		try (DirectoryStream<Path> folders = Files.newDirectoryStream(this.sftpRoot, Files::isDirectory)) {
			for (Path folder : folders) {
				String name = folder.getFileName().toString();
				if (BatchId.isBatchId(name) && !Files.exists(this.ingested.resolve(name))
						&& Files.isRegularFile(folder.resolve(new BatchId(name).manifestFileName()))) {
					complete.add(folder);
				}
			}
		}
		complete.sort(null);
		return complete;
	}

	private void ingest(Path batch, BatchId batchId) throws IOException {
		BatchManifest manifest;
		try (InputStream in = Files.newInputStream(batch.resolve(batchId.manifestFileName()))) {
			manifest = BatchManifest.read(in);
		}
		catch (IllegalArgumentException ex) {
			acknowledge(new Acknowledgement(batchId, BATCH_REFERENCE, batchId.manifestFileName(), this.settings.dpid(),
					"unknown", Status.REJECTED, List.of("The batch manifest is unreadable: " + ex.getMessage()),
					now()));
			markIngested(batchId);
			return;
		}
		for (BatchManifest.Entry entry : manifest.messages()) {
			ingestRelease(batch, manifest, entry);
		}
		markIngested(batchId);
		logger.info("{} ingested batch {} ({} releases)", this.settings.name(), batchId, manifest.messages().size());
	}

	private void ingestRelease(Path batch, BatchManifest manifest, BatchManifest.Entry entry) throws IOException {
		String reference = referenceOf(entry.path());
		List<String> problems = new ArrayList<>();
		MessageFacts facts = null;
		Path message = batch.resolve(entry.path()).normalize();
		byte[] xml = readMessage(batch, message, entry, problems);
		if (xml != null) {
			problems.addAll(ErnMessages.problems(xml));
		}
		if (xml != null && problems.isEmpty()) {
			try {
				facts = MessageFacts.of(xml);
				if (!facts.messageId().equals(entry.messageId())) {
					problems.add("The manifest names message " + entry.messageId() + " but " + entry.path()
							+ " is message " + facts.messageId());
				}
				checkFiles(batch, message.getParent(), facts, problems);
			}
			catch (XMLStreamException ex) {
				problems.add(entry.path() + " could not be read: " + ex.getMessage());
			}
		}
		Status status = problems.isEmpty() ? Status.ACCEPTED : Status.REJECTED;
		acknowledge(new Acknowledgement(manifest.batchId(), reference, entry.messageId(), this.settings.dpid(),
				manifest.senderDpid(), status, problems, now()));
		if (status == Status.ACCEPTED && facts != null) {
			remember(manifest, entry, reference, facts);
		}
	}

	private byte @Nullable [] readMessage(Path batch, Path message, BatchManifest.Entry entry, List<String> problems)
			throws IOException {
		if (!message.startsWith(batch) || !Files.isRegularFile(message)) {
			problems.add("The manifest names " + entry.path() + ", which is not in the batch");
			return null;
		}
		if (Files.size(message) > MAX_MESSAGE_BYTES) {
			problems.add(entry.path() + " is larger than " + (MAX_MESSAGE_BYTES >> 20) + " MB");
			return null;
		}
		byte[] xml = Files.readAllBytes(message);
		String md5 = HexFormat.of().formatHex(digest("MD5").digest(xml));
		if (!md5.equals(entry.md5())) {
			problems.add(entry.path() + ": MD5 " + md5 + " differs from the manifest's " + entry.md5());
		}
		return xml;
	}

	private void checkFiles(Path batch, Path folder, MessageFacts facts, List<String> problems) throws IOException {
		for (MessageFacts.NamedFile file : facts.files()) {
			Path path = folder.resolve(file.uri()).normalize();
			if (!path.startsWith(batch) || !Files.isRegularFile(path)) {
				problems.add(file.uri() + " is named in the message but is not in the batch");
				continue;
			}
			if (file.hashSum() == null || file.algorithm() == null) {
				problems.add(file.uri() + " has no hash sum in the message");
				continue;
			}
			String algorithm = javaAlgorithm(file.algorithm());
			if (algorithm == null) {
				problems.add(file.uri() + ": hash sum algorithm " + file.algorithm() + " is not one this store checks");
				continue;
			}
			String actual = hashOf(path, algorithm);
			if (!actual.equalsIgnoreCase(file.hashSum())) {
				problems.add(file.uri() + ": " + file.algorithm() + " " + actual + " differs from the message's "
						+ file.hashSum());
			}
		}
	}

	private void reportLive() throws IOException {
		LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
		try (DirectoryStream<Path> known = Files.newDirectoryStream(this.releases, "*.properties")) {
			for (Path file : known) {
				Properties release = load(file);
				if (Boolean.parseBoolean(release.getProperty("live"))
						|| Boolean.parseBoolean(release.getProperty("ended"))
						|| LocalDate.parse(release.getProperty("releaseDate")).isAfter(today)) {
					continue;
				}
				acknowledge(new Acknowledgement(new BatchId(release.getProperty("batchId")),
						release.getProperty("reference"), release.getProperty("messageId"), this.settings.dpid(),
						release.getProperty("senderDpid"), Status.LIVE, List.of(), now()));
				release.setProperty("live", "true");
				store(file, release);
				logger.info("{}: release {} is live", this.settings.name(), release.getProperty("reference"));
			}
		}
	}

	/** The newest accepted message about a release replaces what the store knew of it. */
	private void remember(BatchManifest manifest, BatchManifest.Entry entry, String reference, MessageFacts facts)
			throws IOException {
		LocalDate today = LocalDate.ofInstant(now(), ZoneOffset.UTC);
		String key = (facts.icpn() != null) ? facts.icpn() : reference;
		Path file = this.releases.resolve(key.replaceAll("[^A-Za-z0-9_-]", "_") + ".properties");
		Properties earlier = Files.exists(file) ? load(file) : new Properties();
		Properties release = new Properties();
		release.setProperty("batchId", manifest.batchId().value());
		release.setProperty("reference", reference);
		release.setProperty("messageId", entry.messageId());
		release.setProperty("senderDpid", manifest.senderDpid());
		release.setProperty("releaseDate", facts.releaseDate().orElse(today).toString());
		release.setProperty("ended", Boolean.toString(facts.takenDownBy(today)));
		// What the store's usage reports need: the recordings, the release and where it sells.
		release.setProperty("icpn", (facts.icpn() != null) ? facts.icpn() : "");
		release.setProperty("isrcs", String.join(",", facts.isrcs()));
		release.setProperty("territories", String.join(",", facts.territories()));
		release.setProperty("acceptedOn", earlier.getProperty("acceptedOn", today.toString()));
		// An update of a live release is live already; a takedown is never reported live.
		release.setProperty("live", Boolean.toString(Boolean.parseBoolean(earlier.getProperty("live"))));
		store(file, release);
	}

	private void acknowledge(Acknowledgement acknowledgement) throws IOException {
		Path target = this.acknowledgements.resolve(acknowledgement.fileName());
		Path partial = this.acknowledgements.resolve("." + acknowledgement.fileName() + ".partial");
		try (OutputStream out = Files.newOutputStream(partial)) {
			acknowledgement.write(out);
		}
		move(partial, target);
	}

	private void markIngested(BatchId batchId) throws IOException {
		Files.writeString(this.ingested.resolve(batchId.value()), now().toString());
	}

	private Instant now() {
		return this.settings.clock().instant();
	}

	private static String referenceOf(String path) {
		int slash = path.indexOf('/');
		String reference = (slash > 0) ? path.substring(0, slash) : path.replaceFirst("\\.xml$", "");
		return reference.matches("[A-Za-z0-9_-]{1,64}") ? reference : BATCH_REFERENCE;
	}

	private static @Nullable String javaAlgorithm(String ddexAlgorithm) {
		return switch (ddexAlgorithm.toUpperCase(Locale.ROOT).replace("-", "")) {
			case "MD5" -> "MD5";
			case "SHA1" -> "SHA-1";
			case "SHA256" -> "SHA-256";
			default -> null;
		};
	}

	private static String hashOf(Path file, String algorithm) throws IOException {
		MessageDigest digest = digest(algorithm);
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}

	private static MessageDigest digest(String algorithm) {
		try {
			return MessageDigest.getInstance(algorithm);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK has " + algorithm, ex);
		}
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = Files.newInputStream(file)) {
			properties.load(in);
		}
		return properties;
	}

	private static void store(Path file, Properties properties) throws IOException {
		Path partial = file.resolveSibling(file.getFileName() + ".partial");
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		properties.store(bytes, null);
		Files.write(partial, bytes.toByteArray());
		move(partial, file);
	}

	private static void move(Path from, Path to) throws IOException {
		try {
			Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
		}
	}

}
