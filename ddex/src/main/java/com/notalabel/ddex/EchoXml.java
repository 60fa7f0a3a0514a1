package com.notalabel.ddex;

import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.XMLStreamWriter;

import org.jspecify.annotations.Nullable;

/**
 * The small XML documents of DDEX's ECHO choreography standard (manifests,
 * acknowledgements): written and read with StAX, element names as ECHO 1.1 names them.
 */
final class EchoXml {

	static final String NAMESPACE = "http://ddex.net/xml/echo/11";

	private EchoXml() {
	}

	static XMLStreamWriter start(OutputStream out, String root) throws XMLStreamException {
		XMLStreamWriter writer = SecureXml.streamWriters().createXMLStreamWriter(out, "UTF-8");
		writer.writeStartDocument("UTF-8", "1.0");
		writer.setPrefix("echo", NAMESPACE);
		writer.writeStartElement("echo", root, NAMESPACE);
		writer.writeNamespace("echo", NAMESPACE);
		writer.writeAttribute("MessageSchemaVersionId", "echo/11");
		return writer;
	}

	static void header(XMLStreamWriter writer, String messageId, String senderDpid, String recipientDpid,
			Instant createdAt) throws XMLStreamException {
		writer.writeStartElement("MessageHeader");
		element(writer, "MessageId", messageId);
		writer.writeStartElement("MessageSender");
		element(writer, "PartyId", senderDpid);
		writer.writeEndElement();
		writer.writeStartElement("MessageRecipient");
		element(writer, "PartyId", recipientDpid);
		writer.writeEndElement();
		element(writer, "MessageCreatedDateTime", createdAt.toString());
		writer.writeEndElement();
	}

	static void element(XMLStreamWriter writer, String name, String text) throws XMLStreamException {
		writer.writeStartElement(name);
		writer.writeCharacters(text);
		writer.writeEndElement();
	}

	static void end(XMLStreamWriter writer) throws XMLStreamException {
		writer.writeEndElement();
		writer.writeEndDocument();
		writer.flush();
		writer.close();
	}

	/**
	 * A document flattened to the text of its leaf elements, by slash-separated path
	 * below the root ({@code MessageHeader/MessageId}), repeated elements in order.
	 */
	static Leaves read(InputStream in, String expectedRoot) throws XMLStreamException {
		XMLStreamReader reader = SecureXml.streamReaders().createXMLStreamReader(in);
		try {
			Leaves leaves = new Leaves();
			List<String> path = new ArrayList<>();
			StringBuilder text = new StringBuilder();
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					if (path.isEmpty() && !expectedRoot.equals(reader.getLocalName())) {
						throw new XMLStreamException(
								"Expected an ECHO " + expectedRoot + ", found " + reader.getLocalName());
					}
					path.add(reader.getLocalName());
					text.setLength(0);
				}
				else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
					text.append(reader.getText());
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					if (path.size() > 1) {
						String key = String.join("/", path.subList(1, path.size()));
						String value = text.toString().strip();
						if (!value.isEmpty()) {
							leaves.add(key, value);
						}
					}
					path.removeLast();
					text.setLength(0);
				}
			}
			return leaves;
		}
		finally {
			reader.close();
		}
	}

	static final class Leaves {

		private final Map<String, List<String>> values = new LinkedHashMap<>();

		void add(String path, String value) {
			this.values.computeIfAbsent(path, (key) -> new ArrayList<>()).add(value);
		}

		List<String> all(String path) {
			return this.values.getOrDefault(path, List.of());
		}

		@Nullable String first(String path) {
			List<String> all = all(path);
			return all.isEmpty() ? null : all.getFirst();
		}

		String required(String path) throws XMLStreamException {
			String value = first(path);
			if (value == null) {
				throw new XMLStreamException("The document lacks " + path);
			}
			return value;
		}

	}

}
