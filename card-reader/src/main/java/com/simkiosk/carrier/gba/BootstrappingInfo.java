package com.simkiosk.carrier.gba;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The body of the BSF's {@code 200 OK} (TS 24.109 §4.5.3 and Annex C, {@code application/vnd.3gpp.bsf+xml}):
 * {@code <BootstrappingInfo xmlns="uri:3gpp-gba"><btid>…</btid><lifetime>xsd:dateTime</lifetime></BootstrappingInfo>}.
 * Read with the JDK's parser in secure-processing mode: no DTD, no external entity, no XInclude.
 */
public record BootstrappingInfo(String btid, Instant lifetime) {
    public static final String NAMESPACE = "uri:3gpp-gba";
    public static final String MEDIA_TYPE = "application/vnd.3gpp.bsf+xml";

    /** Empty when the body is not such a document (the reason is not needed: the answer is unusable either way). */
    public static Optional<BootstrappingInfo> parse(byte[] xml) {
        try {
            DocumentBuilder builder = Parsers.builder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler()); // quiet: a bad body is an empty result
            Document doc = builder.parse(new ByteArrayInputStream(xml));
            Element root = doc.getDocumentElement();
            if (!"BootstrappingInfo".equals(root.getLocalName())) {
                return Optional.empty();
            }
            Optional<String> btid = child(root, "btid");
            Optional<String> lifetime = child(root, "lifetime");
            if (btid.isEmpty() || lifetime.isEmpty() || !btid.get().contains("@")) {
                return Optional.empty();
            }
            return Optional.of(new BootstrappingInfo(btid.get(), OffsetDateTime.parse(lifetime.get()).toInstant()));
        } catch (ParserConfigurationException | SAXException | IOException | DateTimeParseException
                 | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The parser factory, configured once: {@code DocumentBuilderFactory.newInstance()} looks for a provider through
     * the class path every time, a few milliseconds of every bootstrap on the customer's way to the balance. A
     * factory is not thread-safe, so builders are taken from it one at a time.
     */
    private static final class Parsers {
        private static final DocumentBuilderFactory FACTORY = secure();

        static synchronized DocumentBuilder builder() throws ParserConfigurationException {
            if (FACTORY == null) {
                throw new ParserConfigurationException("the JDK's XML parser cannot be made secure");
            }
            return FACTORY.newDocumentBuilder();
        }

        private static DocumentBuilderFactory secure() {
            try {
                DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
                f.setNamespaceAware(true);
                f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                f.setFeature("http://xml.org/sax/features/external-general-entities", false);
                f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
                f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
                f.setXIncludeAware(false);
                f.setExpandEntityReferences(false);
                return f;
            } catch (ParserConfigurationException | IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The text of the first child element of that local name (in the GBA namespace, or none, as BSFs vary). */
    private static Optional<String> child(Element root, String name) {
        NodeList nodes = root.getElementsByTagNameNS("*", name);
        if (nodes.getLength() == 0) {
            return Optional.empty();
        }
        String text = nodes.item(0).getTextContent().trim();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /** The B-TID is base64(RAND)@BSF: RAND stays out of logs. */
    @Override
    public String toString() {
        return "BootstrappingInfo[B-TID ******" + btid.substring(btid.indexOf('@')) + ", lifetime " + lifetime + "]";
    }
}
