package io.ntfybar.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.DocumentType;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * A strict reader of Apple's XML property lists, for linting the macOS packaging files where no Mac is at hand: the
 * JDK's XML parser (well-formedness), then the rules of Apple's plist DTD ({@code -//Apple//DTD PLIST 1.0//EN}) checked
 * element by element, since the DTD itself cannot be fetched: a {@code plist} root of version 1.0 holding one object;
 * objects are {@code dict}, {@code array}, {@code string}, {@code integer}, {@code real}, {@code date}, {@code data},
 * {@code true}, {@code false}; a {@code dict} is pairs of {@code key} and object, and (beyond the DTD, as
 * CoreFoundation reads it) its keys are unique. Values come back as Java objects: Map (in file order), List, String,
 * BigInteger, Double, Instant, byte[], Boolean.
 */
final class Plists {
    static final String PUBLIC_ID = "-//Apple//DTD PLIST 1.0//EN";

    private Plists() {}

    /** A file that breaks a rule, with the rule as a sentence. */
    static final class PlistException extends Exception {
        PlistException(String sentence) {
            super(sentence);
        }
    }

    static Map<String, Object> readDict(Path file) throws IOException, PlistException {
        try (InputStream in = Files.newInputStream(file)) {
            return readDict(in);
        }
    }

    /** The root object, which must be a dict. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> readDict(InputStream in) throws IOException, PlistException {
        Object root = read(in);
        if (!(root instanceof Map)) {
            throw new PlistException("the root object is not a dict");
        }
        return (Map<String, Object>) root;
    }

    static Object read(InputStream in) throws IOException, PlistException {
        Document doc;
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            DocumentBuilder b = f.newDocumentBuilder();
            b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
                @Override
                public void fatalError(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }

                @Override
                public void error(org.xml.sax.SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            doc = b.parse(in);
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        } catch (SAXException e) {
            throw new PlistException("not well-formed XML: " + e.getMessage());
        }
        DocumentType type = doc.getDoctype();
        if (type == null || !"plist".equals(type.getName()) || !PUBLIC_ID.equals(type.getPublicId())) {
            throw new PlistException("no <!DOCTYPE plist PUBLIC \"" + PUBLIC_ID + "\" ...>");
        }
        Element root = doc.getDocumentElement();
        if (!"plist".equals(root.getTagName())) {
            throw new PlistException("the root element is <" + root.getTagName() + ">, not <plist>");
        }
        if (!"1.0".equals(root.getAttribute("version"))) {
            throw new PlistException("<plist> has version '" + root.getAttribute("version") + "', not 1.0");
        }
        List<Element> objects = children(root);
        if (objects.size() != 1) {
            throw new PlistException("<plist> holds " + objects.size() + " objects, not one");
        }
        return object(objects.get(0));
    }

    private static Object object(Element e) throws PlistException {
        String text = e.getTextContent();
        switch (e.getTagName()) {
            case "dict":
                return dict(e);
            case "array":
                List<Object> list = new ArrayList<>();
                for (Element c : children(e)) {
                    list.add(object(c));
                }
                return list;
            case "string":
                leaf(e);
                return text;
            case "integer":
                leaf(e);
                try {
                    return new BigInteger(text.strip());
                } catch (NumberFormatException ex) {
                    throw new PlistException("<integer> '" + text + "' is not an integer");
                }
            case "real":
                leaf(e);
                try {
                    return Double.valueOf(text.strip());
                } catch (NumberFormatException ex) {
                    throw new PlistException("<real> '" + text + "' is not a number");
                }
            case "date":
                leaf(e);
                try {
                    return Instant.parse(text.strip());
                } catch (RuntimeException ex) {
                    throw new PlistException("<date> '" + text + "' is not an ISO 8601 UTC time");
                }
            case "data":
                leaf(e);
                try {
                    return Base64.getMimeDecoder().decode(text.strip());
                } catch (IllegalArgumentException ex) {
                    throw new PlistException("<data> is not base64");
                }
            case "true":
            case "false":
                if (e.hasChildNodes()) {
                    throw new PlistException("<" + e.getTagName() + "/> must be empty");
                }
                return "true".equals(e.getTagName());
            default:
                throw new PlistException("<" + e.getTagName() + "> is not a plist element");
        }
    }

    private static Map<String, Object> dict(Element e) throws PlistException {
        Map<String, Object> map = new LinkedHashMap<>();
        List<Element> c = children(e);
        for (int i = 0; i < c.size(); i += 2) {
            Element key = c.get(i);
            if (!"key".equals(key.getTagName())) {
                throw new PlistException("<dict> has <" + key.getTagName() + "> where a <key> belongs");
            }
            leaf(key);
            if (i + 1 == c.size()) {
                throw new PlistException("<key>" + key.getTextContent() + "</key> has no value");
            }
            Element value = c.get(i + 1);
            if ("key".equals(value.getTagName())) {
                throw new PlistException("<key>" + key.getTextContent() + "</key> is followed by another key");
            }
            if (map.put(key.getTextContent(), object(value)) != null) {
                throw new PlistException("<key>" + key.getTextContent() + "</key> appears twice");
            }
        }
        return map;
    }

    /** Element children only; text between them must be white space, comments are allowed. */
    private static List<Element> children(Element e) throws PlistException {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element c) {
                out.add(c);
            } else if (n.getNodeType() == Node.TEXT_NODE && !n.getTextContent().isBlank()) {
                throw new PlistException("<" + e.getTagName() + "> has text '"
                        + n.getTextContent().strip() + "' between elements");
            }
        }
        return out;
    }

    private static void leaf(Element e) throws PlistException {
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element) {
                throw new PlistException("<" + e.getTagName() + "> may hold only text");
            }
        }
    }
}
