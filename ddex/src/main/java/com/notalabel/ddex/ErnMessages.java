package com.notalabel.ddex;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.sax.SAXSource;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;

import com.notalabel.ddex.ern43.NewReleaseMessage;

/**
 * ERN 4.3 {@code NewReleaseMessage}s, read and written only when DDEX's schema accepts
 * them. The schema (3.5 MB with its allowed value sets) and the JAXB context are loaded
 * once per JVM, on first use, from this module's resources: never over the network.
 */
public final class ErnMessages {

	/** The namespace of ERN 4.3 messages. */
	public static final String NAMESPACE = "http://ddex.net/xml/ern/43";

	private static final String SCHEMA_RESOURCE = "ern43/release-notification.xsd";

	private ErnMessages() {
	}

	/**
	 * Writes a message after the schema has accepted all of it; an invalid message writes
	 * nothing to {@code out}.
	 * @param message the message
	 * @param out where the message goes, as UTF-8 XML; not closed
	 * @throws InvalidErnException if the schema refuses the message
	 */
	public static void write(NewReleaseMessage message, OutputStream out) {
		byte[] xml = toBytes(message);
		try {
			out.write(xml);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The message as UTF-8 XML, once the schema has accepted all of it.
	 * @param message the message
	 * @return its XML
	 * @throws InvalidErnException if the schema refuses the message
	 */
	public static byte[] toBytes(NewReleaseMessage message) {
		Objects.requireNonNull(message, "message");
		ProblemCollector problems = new ProblemCollector();
		ByteArrayOutputStream xml = new ByteArrayOutputStream(16 * 1024);
		try {
			Marshaller marshaller = Loaded.CONTEXT.createMarshaller();
			marshaller.setProperty(Marshaller.JAXB_FORMATTED_OUTPUT, true);
			marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
			marshaller.setSchema(Loaded.SCHEMA);
			marshaller.setEventHandler(problems::add);
			marshaller.marshal(message, xml);
		}
		catch (JAXBException ex) {
			problems.addIfNone(describe(ex));
		}
		problems.throwIfAny();
		return xml.toByteArray();
	}

	/**
	 * Reads a message the schema accepts.
	 * @param in the XML; not closed
	 * @return the message
	 * @throws InvalidErnException if the XML is not a message the schema accepts
	 */
	public static NewReleaseMessage read(InputStream in) {
		ProblemCollector problems = new ProblemCollector();
		Object read = null;
		try {
			Unmarshaller unmarshaller = Loaded.CONTEXT.createUnmarshaller();
			unmarshaller.setSchema(Loaded.SCHEMA);
			unmarshaller.setEventHandler(problems::add);
			read = unmarshaller.unmarshal(secureSource(in));
		}
		catch (JAXBException ex) {
			problems.addIfNone(describe(ex));
		}
		problems.throwIfAny();
		if (!(read instanceof NewReleaseMessage message)) {
			throw new InvalidErnException(List.of("The document is not an ERN 4.3 NewReleaseMessage"));
		}
		return message;
	}

	/**
	 * What the schema finds wrong with a document, as a store's ingestion reports it.
	 * @param xml the document
	 * @return the schema's messages with line and column, empty when the document is
	 * valid
	 */
	public static List<String> problems(byte[] xml) {
		Validator validator = Loaded.SCHEMA.newValidator();
		List<String> problems = new ArrayList<>();
		validator.setErrorHandler(new ErrorHandler() {

			@Override
			public void warning(SAXParseException ex) {
			}

			@Override
			public void error(SAXParseException ex) {
				problems.add(describe(ex));
			}

			@Override
			public void fatalError(SAXParseException ex) {
				problems.add(describe(ex));
			}

		});
		try {
			validator.validate(secureSource(new java.io.ByteArrayInputStream(xml)));
		}
		catch (SAXException ex) {
			if (problems.isEmpty()) {
				problems.add(ex.getMessage());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return problems;
	}

	private static SAXSource secureSource(InputStream in) {
		try {
			XMLReader reader = SecureXml.saxParsers().newSAXParser().getXMLReader();
			return new SAXSource(reader, new InputSource(in));
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("The JDK's SAX parser could not be configured", ex);
		}
	}

	private static String describe(SAXParseException ex) {
		return "line " + ex.getLineNumber() + ", column " + ex.getColumnNumber() + ": " + ex.getMessage();
	}

	private static String describe(JAXBException ex) {
		Throwable cause = (ex.getLinkedException() != null) ? ex.getLinkedException() : ex;
		if (cause instanceof SAXParseException parse) {
			return describe(parse);
		}
		return String.valueOf(cause.getMessage());
	}

	private static final class ProblemCollector {

		private final List<String> problems = new ArrayList<>();

		boolean add(ValidationEvent event) {
			ValidationEventLocator locator = event.getLocator();
			String where = (locator != null && locator.getLineNumber() > 0)
					? "line " + locator.getLineNumber() + ", column " + locator.getColumnNumber() + ": " : "";
			this.problems.add(where + event.getMessage());
			// Go on to collect every problem, unless the document cannot be read further.
			return event.getSeverity() != ValidationEvent.FATAL_ERROR;
		}

		void addIfNone(String problem) {
			if (this.problems.isEmpty()) {
				this.problems.add(problem);
			}
		}

		void throwIfAny() {
			if (!this.problems.isEmpty()) {
				throw new InvalidErnException(this.problems);
			}
		}

	}

	/** Loaded on first use: the schema takes about a second to compile. */
	private static final class Loaded {

		static final JAXBContext CONTEXT = context();

		static final Schema SCHEMA = schema();

		private static JAXBContext context() {
			try {
				return JAXBContext.newInstance(NewReleaseMessage.class);
			}
			catch (JAXBException ex) {
				throw new IllegalStateException("The generated ERN 4.3 classes do not form a JAXB context", ex);
			}
		}

		private static Schema schema() {
			URL location = ErnMessages.class.getResource(SCHEMA_RESOURCE);
			if (location == null) {
				throw new IllegalStateException(
						"The ERN 4.3 schema is missing from the ddex module: " + SCHEMA_RESOURCE);
			}
			try {
				SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
				// The import of the allowed value sets is a relative path inside this module's jar, which is
				// itself inside a Spring Boot jar ("jar:nested:...") when a service or the store runs from theirs.
				factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar,nested");
				factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
				return factory.newSchema(new StreamSource(location.toExternalForm()));
			}
			catch (SAXException ex) {
				throw new IllegalStateException("DDEX's ERN 4.3 schema could not be compiled", ex);
			}
		}

	}

}
