package com.notalabel.ddex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * The manifest that marks a batch complete ({@code BatchComplete_<BatchId>.xml}), an ECHO
 * {@code ManifestMessage}: uploaded last, so that a store never takes a half-uploaded
 * batch for a whole one, and naming every message in the batch with its MD5.
 *
 * @param batchId the batch
 * @param senderDpid the DDEX party id of the sender
 * @param recipientDpid the DDEX party id of the store
 * @param createdAt when the manifest was made
 * @param messages the messages in the batch, one per release
 */
public record BatchManifest(BatchId batchId, String senderDpid, String recipientDpid, Instant createdAt,
		List<Entry> messages) {

	static final String FILE_PREFIX = "BatchComplete_";

	private static final String ROOT = "ManifestMessage";

	private static final Pattern MD5 = Pattern.compile("[0-9a-f]{32}");

	public BatchManifest {
		Objects.requireNonNull(batchId, "batchId");
		Objects.requireNonNull(senderDpid, "senderDpid");
		Objects.requireNonNull(recipientDpid, "recipientDpid");
		Objects.requireNonNull(createdAt, "createdAt");
		messages = List.copyOf(messages);
		if (messages.isEmpty()) {
			throw new IllegalArgumentException("A batch holds at least one message");
		}
	}

	/**
	 * The batch id a manifest's file name names.
	 * @param fileName a file name
	 * @return the batch id, or {@code null} when the name is not a manifest's
	 */
	public static @Nullable BatchId batchIdOf(String fileName) {
		if (!fileName.startsWith(FILE_PREFIX) || !fileName.endsWith(".xml")) {
			return null;
		}
		String id = fileName.substring(FILE_PREFIX.length(), fileName.length() - ".xml".length());
		return BatchId.isBatchId(id) ? new BatchId(id) : null;
	}

	/**
	 * Writes the manifest as UTF-8 XML.
	 * @param out where it goes; not closed
	 */
	public void write(OutputStream out) {
		try {
			XMLStreamWriter writer = EchoXml.start(out, ROOT);
			EchoXml.header(writer, "BatchComplete_" + this.batchId, this.senderDpid, this.recipientDpid,
					this.createdAt);
			EchoXml.element(writer, "IsTestFlag", "false");
			EchoXml.element(writer, "RootDirectory", this.batchId.value());
			EchoXml.element(writer, "NumberOfMessages", Integer.toString(this.messages.size()));
			for (Entry entry : this.messages) {
				writer.writeStartElement("MessageInBatch");
				EchoXml.element(writer, "MessageType", "NewReleaseMessage");
				EchoXml.element(writer, "MessageId", entry.messageId());
				EchoXml.element(writer, "URL", entry.path());
				writer.writeStartElement("IncludedReleaseId");
				EchoXml.element(writer, "ICPN", entry.icpn());
				writer.writeEndElement();
				EchoXml.element(writer, "DeliveryType", "NewReleaseDelivery");
				EchoXml.element(writer, "ProductType", "AudioProduct");
				writer.writeStartElement("HashSum");
				EchoXml.element(writer, "HashSum", entry.md5());
				EchoXml.element(writer, "HashSumAlgorithmType", "MD5");
				writer.writeEndElement();
				writer.writeEndElement();
			}
			EchoXml.end(writer);
		}
		catch (XMLStreamException ex) {
			throw new UncheckedIOException(new IOException("The batch manifest could not be written", ex));
		}
	}

	/**
	 * Reads a manifest.
	 * @param in the XML; not closed
	 * @return the manifest
	 * @throws IllegalArgumentException if the document is not a well-formed manifest
	 */
	public static BatchManifest read(InputStream in) {
		try {
			EchoXml.Leaves leaves = EchoXml.read(in, ROOT);
			List<String> ids = leaves.all("MessageInBatch/MessageId");
			List<String> paths = leaves.all("MessageInBatch/URL");
			List<String> icpns = leaves.all("MessageInBatch/IncludedReleaseId/ICPN");
			List<String> hashes = leaves.all("MessageInBatch/HashSum/HashSum");
			if (paths.size() != ids.size() || icpns.size() != ids.size() || hashes.size() != ids.size()) {
				throw new IllegalArgumentException(
						"Every MessageInBatch needs a MessageId, a URL, an ICPN and an MD5 HashSum");
			}
			List<Entry> entries = new ArrayList<>();
			for (int i = 0; i < ids.size(); i++) {
				entries.add(new Entry(ids.get(i), paths.get(i), icpns.get(i), hashes.get(i)));
			}
			return new BatchManifest(new BatchId(leaves.required("RootDirectory")),
					leaves.required("MessageHeader/MessageSender/PartyId"),
					leaves.required("MessageHeader/MessageRecipient/PartyId"),
					Instant.parse(leaves.required("MessageHeader/MessageCreatedDateTime")), entries);
		}
		catch (XMLStreamException | DateTimeParseException ex) {
			throw new IllegalArgumentException("Not a readable batch manifest: " + ex.getMessage(), ex);
		}
	}

	/**
	 * The file name of this manifest.
	 * @return {@code BatchComplete_<BatchId>.xml}
	 */
	public String fileName() {
		return this.batchId.manifestFileName();
	}

	/**
	 * One message in the batch.
	 *
	 * @param messageId the message's {@code MessageId}
	 * @param path the message's path from the batch folder
	 * ({@code <release>/<release>.xml})
	 * @param icpn the release's UPC or EAN
	 * @param md5 the MD5 of the message file, lower-case hex
	 */
	public record Entry(String messageId, String path, String icpn, String md5) {

		public Entry {
			Objects.requireNonNull(messageId, "messageId");
			Objects.requireNonNull(path, "path");
			Objects.requireNonNull(icpn, "icpn");
			Objects.requireNonNull(md5, "md5");
			if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
				throw new IllegalArgumentException("A message path stays inside its batch folder: " + path);
			}
			if (!MD5.matcher(md5).matches()) {
				throw new IllegalArgumentException("An MD5 hash sum is 32 lower-case hex digits: " + md5);
			}
		}

	}

}
