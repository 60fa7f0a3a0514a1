package com.notalabel.ddex;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * A store's answer about one release of a batch, written into the store's
 * {@code acknowledgements/} folder: an ECHO {@code FtpAcknowledgementMessage} whose
 * {@code MessageStatus} says whether the release was taken ({@code FileOK}) or refused
 * (with the store's own {@code ErrorText}). {@code ReleaseLive}, the availability report
 * that stores send when the release goes on sale, uses the same form.
 *
 * @param batchId the batch the release came in
 * @param releaseReference the release's folder in the batch (the sender's reference)
 * @param messageId the acknowledged message's {@code MessageId}
 * @param storeDpid the DDEX party id of the store that answers
 * @param senderDpid the DDEX party id of the sender it answers
 * @param status what the store says
 * @param reasons the store's reasons for a refusal, empty otherwise
 * @param at when the store answered
 */
public record Acknowledgement(BatchId batchId, String releaseReference, String messageId, String storeDpid,
		String senderDpid, Status status, List<String> reasons, Instant at) {

	/** The folder of a store in which it leaves its acknowledgements. */
	public static final String FOLDER = "acknowledgements";

	private static final String ROOT = "FtpAcknowledgementMessage";

	private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9_-]{1,64}");

	public Acknowledgement {
		Objects.requireNonNull(batchId, "batchId");
		Objects.requireNonNull(releaseReference, "releaseReference");
		Objects.requireNonNull(messageId, "messageId");
		Objects.requireNonNull(storeDpid, "storeDpid");
		Objects.requireNonNull(senderDpid, "senderDpid");
		Objects.requireNonNull(status, "status");
		Objects.requireNonNull(at, "at");
		reasons = List.copyOf(reasons);
		if (!REFERENCE.matcher(releaseReference).matches()) {
			throw new IllegalArgumentException("A release reference is 1-64 letters, digits, '-' or '_'");
		}
		if (status == Status.REJECTED && reasons.isEmpty()) {
			throw new IllegalArgumentException("A refusal says why");
		}
	}

	/**
	 * The file name of this acknowledgement, unique per batch, release and status.
	 * @return {@code ACK_<BatchId>_<ReleaseReference>_<STATUS>.xml}
	 */
	public String fileName() {
		return "ACK_" + this.batchId + "_" + this.releaseReference + "_" + this.status + ".xml";
	}

	/**
	 * Whether a file name is an acknowledgement's.
	 * @param fileName the name
	 * @return whether it matches {@code ACK_<BatchId>_<ReleaseReference>_<STATUS>.xml}
	 */
	public static boolean isAcknowledgementFile(String fileName) {
		return fileName.startsWith("ACK_") && fileName.endsWith(".xml");
	}

	/**
	 * Writes the acknowledgement as UTF-8 XML.
	 * @param out where it goes; not closed
	 */
	public void write(OutputStream out) {
		try {
			XMLStreamWriter writer = EchoXml.start(out, ROOT);
			EchoXml.header(writer, fileName().replace(".xml", ""), this.storeDpid, this.senderDpid, this.at);
			EchoXml.element(writer, "BatchId", this.batchId.value());
			EchoXml.element(writer, "ReleaseReference", this.releaseReference);
			EchoXml.element(writer, "AcknowledgedMessageId", this.messageId);
			EchoXml.element(writer, "MessageStatus", this.status.echoValue);
			for (String reason : this.reasons) {
				EchoXml.element(writer, "ErrorText", reason);
			}
			EchoXml.end(writer);
		}
		catch (XMLStreamException ex) {
			throw new UncheckedIOException(new IOException("The acknowledgement could not be written", ex));
		}
	}

	/**
	 * Reads an acknowledgement.
	 * @param in the XML; not closed
	 * @return the acknowledgement
	 * @throws IllegalArgumentException if the document is not a readable acknowledgement
	 */
	public static Acknowledgement read(InputStream in) {
		try {
			EchoXml.Leaves leaves = EchoXml.read(in, ROOT);
			return new Acknowledgement(new BatchId(leaves.required("BatchId")), leaves.required("ReleaseReference"),
					leaves.required("AcknowledgedMessageId"), leaves.required("MessageHeader/MessageSender/PartyId"),
					leaves.required("MessageHeader/MessageRecipient/PartyId"),
					Status.ofEcho(leaves.required("MessageStatus")), leaves.all("ErrorText"),
					Instant.parse(leaves.required("MessageHeader/MessageCreatedDateTime")));
		}
		catch (XMLStreamException | DateTimeParseException ex) {
			throw new IllegalArgumentException("Not a readable acknowledgement: " + ex.getMessage(), ex);
		}
	}

	/** What a store says about a release it received. */
	public enum Status {

		/** The message and every file it names were taken. */
		ACCEPTED("FileOK"),

		/** The store refused the release; its reasons say why. */
		REJECTED("MessageRejected"),

		/** The release is on sale at the store. */
		LIVE("ReleaseLive");

		private final String echoValue;

		Status(String echoValue) {
			this.echoValue = echoValue;
		}

		static Status ofEcho(String value) {
			return Arrays.stream(values())
				.filter((status) -> status.echoValue.equals(value))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("Unknown MessageStatus " + value));
		}

		/**
		 * The status a name in an acknowledgement's file name stands for.
		 * @param name the name
		 * @return the status, or {@code null}
		 */
		public static @Nullable Status ofName(String name) {
			return Arrays.stream(values()).filter((status) -> status.name().equals(name)).findFirst().orElse(null);
		}

	}

}
