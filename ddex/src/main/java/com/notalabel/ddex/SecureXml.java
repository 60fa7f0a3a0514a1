package com.notalabel.ddex;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;

import org.xml.sax.SAXException;

/**
 * Parsers for XML that arrives from the other side of an SFTP connection: no DTDs, no
 * external entities, nothing fetched over the network.
 */
final class SecureXml {

	private SecureXml() {
	}

	static SAXParserFactory saxParsers() {
		try {
			SAXParserFactory factory = SAXParserFactory.newInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			return factory;
		}
		catch (ParserConfigurationException | SAXException ex) {
			throw new IllegalStateException("The JDK's SAX parser lacks a standard security feature", ex);
		}
	}

	static XMLInputFactory streamReaders() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
		return factory;
	}

	static XMLOutputFactory streamWriters() {
		return XMLOutputFactory.newFactory();
	}

}
