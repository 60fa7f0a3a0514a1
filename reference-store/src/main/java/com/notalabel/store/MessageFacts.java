package com.notalabel.store;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.jspecify.annotations.Nullable;

/**
 * What ingestion needs of a message the schema has accepted: the files it names with
 * their hash sums, the release's ICPN, and the deals' validity periods, which decide when
 * the release is live and whether it was taken down (ERN 4 ends deals rather than sending
 * a takedown).
 *
 * @param messageId the message's {@code MessageId}
 * @param icpn the main release's UPC or EAN, or {@code null}
 * @param files the files the message names
 * @param deals the validity periods of its deals
 * @param isrcs the ISRCs of its sound recordings, in the message's order
 * @param territories the territories its deals name ({@code Worldwide} included as it is)
 */
record MessageFacts(String messageId, @Nullable String icpn, List<NamedFile> files, List<Validity> deals,
		List<String> isrcs, List<String> territories) {

	private static final XMLInputFactory READERS = xmlInputFactory();

	static MessageFacts of(byte[] xml) throws XMLStreamException {
		XMLStreamReader reader = READERS.createXMLStreamReader(new ByteArrayInputStream(xml));
		try {
			return scan(reader);
		}
		finally {
			reader.close();
		}
	}

	private static MessageFacts scan(XMLStreamReader reader) throws XMLStreamException {
		List<String> path = new ArrayList<>();
		StringBuilder text = new StringBuilder();
		String messageId = "";
		String icpn = null;
		List<NamedFile> files = new ArrayList<>();
		List<Validity> deals = new ArrayList<>();
		List<String> isrcs = new ArrayList<>();
		List<String> territories = new ArrayList<>();
		String uri = null;
		String algorithm = null;
		String hash = null;
		String start = null;
		String end = null;
		while (reader.hasNext()) {
			int event = reader.next();
			if (event == XMLStreamConstants.START_ELEMENT) {
				path.add(reader.getLocalName());
				text.setLength(0);
			}
			else if (event == XMLStreamConstants.CHARACTERS) {
				text.append(reader.getText());
			}
			else if (event == XMLStreamConstants.END_ELEMENT) {
				String name = reader.getLocalName();
				String parent = (path.size() > 1) ? path.get(path.size() - 2) : "";
				String value = text.toString().strip();
				switch (name) {
					case "MessageId" -> {
						if ("MessageHeader".equals(parent)) {
							messageId = value;
						}
					}
					case "ICPN" -> {
						if (icpn == null && path.contains("ReleaseList")) {
							icpn = value;
						}
					}
					case "URI" -> {
						if ("File".equals(parent)) {
							uri = value;
						}
					}
					case "ISRC" -> {
						if (path.contains("ResourceList") && !value.isEmpty() && !isrcs.contains(value)) {
							isrcs.add(value);
						}
					}
					case "TerritoryCode" -> {
						if (path.contains("DealList") && !value.isEmpty() && !territories.contains(value)) {
							territories.add(value);
						}
					}
					case "Algorithm" -> algorithm = value;
					case "HashSumValue" -> hash = value;
					case "File" -> {
						if (uri != null) {
							files.add(new NamedFile(uri, algorithm, hash));
						}
						uri = null;
						algorithm = null;
						hash = null;
					}
					case "StartDate" -> start = ("ValidityPeriod".equals(parent)) ? value : start;
					case "EndDate" -> end = ("ValidityPeriod".equals(parent)) ? value : end;
					case "ValidityPeriod" -> {
						deals.add(new Validity(date(start), date(end)));
						start = null;
						end = null;
					}
					default -> {
					}
				}
				path.removeLast();
				text.setLength(0);
			}
		}
		return new MessageFacts(messageId, icpn, files, deals, isrcs, territories);
	}

	/**
	 * The first day any deal of the release starts.
	 * @return the release date, empty when no deal names one
	 */
	Optional<LocalDate> releaseDate() {
		return this.deals.stream().map(Validity::start).filter((date) -> date != null).min(LocalDate::compareTo);
	}

	/**
	 * Whether every deal has ended by the given day: the release is taken down.
	 * @param today the store's day
	 * @return whether nothing may be sold any more
	 */
	boolean takenDownBy(LocalDate today) {
		return !this.deals.isEmpty()
				&& this.deals.stream().allMatch((deal) -> deal.end() != null && !deal.end().isAfter(today));
	}

	private static @Nullable LocalDate date(@Nullable String value) {
		if (value == null || value.isEmpty()) {
			return null;
		}
		try {
			// ERN dates may carry no more than a year or a month (ddex:DateOrPartialDate).
			return switch (value.length()) {
				case 4 -> LocalDate.of(Integer.parseInt(value), 1, 1);
				case 7 -> LocalDate.parse(value + "-01");
				default -> LocalDate.parse(value.substring(0, 10));
			};
		}
		catch (DateTimeParseException | NumberFormatException | StringIndexOutOfBoundsException ex) {
			return null;
		}
	}

	private static XMLInputFactory xmlInputFactory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		return factory;
	}

	/**
	 * A file the message names.
	 *
	 * @param uri its path, relative to the message's folder
	 * @param algorithm its hash sum's algorithm, or {@code null}
	 * @param hashSum its hash sum, or {@code null}
	 */
	record NamedFile(String uri, @Nullable String algorithm, @Nullable String hashSum) {
	}

	/**
	 * The validity period of a deal.
	 *
	 * @param start the first day, or {@code null}
	 * @param end the day it ends, or {@code null} for open-ended
	 */
	record Validity(@Nullable LocalDate start, @Nullable LocalDate end) {
	}

}
