package io.ntfybar.build;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The build's check, run in the {@code verify} phase after the tests, that no test was quietly skipped: it reads every
 * JUnit XML report ({@code TEST-*.xml}, as surefire and JUnit's legacy reporter write them) and lists each skipped or
 * aborted test that the allow-list does not expect on this OS. With {@code CI=true} such a skip, or an allow-list
 * entry without its reason, fails the build; elsewhere it is a warning, because a developer's machine may lack what a
 * desktop test needs.
 *
 * <p>A JUnit listener cannot do this: the platform catches and only logs what a listener throws. Plain JDK code on
 * purpose, so that the build can run it with nothing but the test classes on the class path.
 *
 * <p>Allow-list lines: {@code <os> <class>[#<method>] <reason>}, where os is {@code linux}, {@code mac}, {@code
 * windows} or {@code any} (the OS running the build on which the skip is expected); blank lines and {@code #}
 * comments are ignored.
 */
public final class SkipGuard {
    static final String NAME = "skip-guard";
    private static final Set<String> OSES = Set.of("linux", "mac", "windows", "any");
    private static final Pattern THROWABLE_PREFIX = Pattern.compile("^[\\w$]+(\\.[\\w$]+)+: ");

    /** One skipped or aborted test; {@code method} is null when the report names only the class. */
    record Skip(String className, String method, String message, String report) {
        String test() {
            return method == null ? className : className + "#" + method;
        }
    }

    /** One allow-list line; {@code reason} is empty when the line has none. */
    record Entry(int line, String os, String className, String method, String reason) {
        String test() {
            return method == null ? className : className + "#" + method;
        }

        boolean matches(Skip skip, String currentOs) {
            return (os.equals("any") || os.equals(currentOs))
                    && className.equals(skip.className())
                    && (method == null || method.equals(skip.method()));
        }
    }

    private SkipGuard() {}

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: SkipGuard <reports directory> <allow-list file>");
            System.exit(2);
        }
        System.exit(run(Path.of(args[0]), Path.of(args[1]), System.getenv(), currentOs(), System.out));
    }

    /** The OS name the allow-list uses for this JVM's OS. */
    static String currentOs() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("mac")) {
            return "mac";
        }
        if (name.startsWith("windows")) {
            return "windows";
        }
        return name.startsWith("linux") ? "linux" : name;
    }

    static boolean inCi(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.get("CI"));
    }

    /**
     * Checks the reports in {@code reports} against {@code allowList} and prints what it finds on {@code out}. The
     * environment and OS are parameters so that tests can run it as CI would without changing their own.
     *
     * @return 1 when {@code env} has {@code CI=true} and there is an unexpected skip or a bad allow-list entry, else 0
     */
    static int run(Path reports, Path allowList, Map<String, String> env, String os, PrintStream out) {
        boolean ci = inCi(env);
        List<String> problems = new ArrayList<>();
        List<Entry> entries = readAllowList(allowList, problems);
        List<Skip> skips = new ArrayList<>();
        List<Path> files = reportFiles(reports, problems);
        for (Path file : files) {
            try {
                skips.addAll(skipsIn(file));
            } catch (IOException | SAXException e) {
                problems.add("cannot read the report " + file + ": " + e.getMessage());
            }
        }

        Map<Entry, Integer> expected = new LinkedHashMap<>();
        List<Skip> unexpected = new ArrayList<>();
        for (Skip skip : skips) {
            Entry entry = entries.stream()
                    .filter(e -> e.matches(skip, os))
                    .findFirst()
                    .orElse(null);
            if (entry == null) {
                unexpected.add(skip);
            } else {
                expected.merge(entry, 1, Integer::sum);
            }
        }

        out.printf(
                "%s: %d report(s) in %s, %d skipped or aborted test(s), %d expected on %s by %s%n",
                NAME, files.size(), reports, skips.size(), skips.size() - unexpected.size(), os, allowList);
        expected.forEach((entry, count) ->
                out.printf("%s:   expected: %s (%d) - %s%n", NAME, entry.test(), count, entry.reason()));
        String level = ci ? "ERROR" : "WARNING";
        for (String problem : problems) {
            out.printf("%s: %s: %s%n", NAME, level, problem);
        }
        for (Skip skip : unexpected) {
            out.printf(
                    "%s: %s: unexpected skip: class %s, method %s: %s (%s)%n",
                    NAME,
                    level,
                    skip.className(),
                    skip.method() == null ? "(whole class)" : skip.method(),
                    skip.message().isEmpty() ? "no message" : skip.message(),
                    skip.report());
        }
        if (unexpected.isEmpty() && problems.isEmpty()) {
            return 0;
        }
        String summary = unexpected.size() + " unexpected skip(s), " + problems.size() + " other problem(s)";
        if (!ci) {
            out.printf("%s: WARNING: %s; CI is not true, so the build goes on%n", NAME, summary);
            return 0;
        }
        out.printf(
                "%s: FAILED: %s. Make those tests run; a skip that only an OS explains goes into %s with its reason.%n",
                NAME, summary, allowList);
        return 1;
    }

    static List<Entry> readAllowList(Path file, List<String> problems) {
        List<Entry> entries = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (IOException e) {
            problems.add("cannot read the allow-list " + file + ": " + e);
            return entries;
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+", 3);
            String where = file.getFileName() + ":" + (i + 1);
            if (parts.length < 2 || !OSES.contains(parts[0])) {
                problems.add(where + ": not '<linux|mac|windows|any> <class>[#<method>] <reason>': " + line);
                continue;
            }
            String reason = parts.length == 3 ? parts[2].strip() : "";
            if (reason.isEmpty()) {
                problems.add(where + ": the entry for " + parts[1] + " gives no reason");
            }
            int hash = parts[1].indexOf('#');
            entries.add(
                    hash < 0
                            ? new Entry(i + 1, parts[0], parts[1], null, reason)
                            : new Entry(
                                    i + 1,
                                    parts[0],
                                    parts[1].substring(0, hash),
                                    parts[1].substring(hash + 1),
                                    reason));
        }
        return entries;
    }

    private static List<Path> reportFiles(Path reports, List<String> problems) {
        if (!Files.isDirectory(reports)) {
            // Nothing ran (tests skipped, or none selected): there is nothing that could have been skipped quietly.
            return List.of();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(p -> {
                        String name = p.getFileName().toString();
                        return name.startsWith("TEST-") && name.endsWith(".xml");
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            problems.add("cannot list " + reports + ": " + e);
            return List.of();
        }
    }

    /** The skipped and aborted tests of one report: the test cases with a {@code <skipped>} child. */
    static List<Skip> skipsIn(Path report) throws IOException, SAXException {
        Document doc;
        try (InputStream in = Files.newInputStream(report)) {
            doc = parser().parse(in);
        }
        List<Skip> skips = new ArrayList<>();
        NodeList cases = doc.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element testcase = (Element) cases.item(i);
            Element skipped = child(testcase, "skipped");
            if (skipped == null) {
                continue;
            }
            String className = testcase.getAttribute("classname");
            if (className.isEmpty() && testcase.getParentNode() instanceof Element suite) {
                className = suite.getAttribute("name");
            }
            skips.add(new Skip(
                    className,
                    method(testcase.getAttribute("name"), className),
                    message(skipped),
                    report.getFileName().toString()));
        }
        return skips;
    }

    /**
     * The method name without what reporters append: JUnit's legacy reporter writes {@code name()}, parameterized and
     * dynamic tests add {@code [n]}. Null when the report names no method, as for a class that was skipped whole.
     */
    static String method(String name, String className) {
        int end = name.length();
        for (char c : new char[] {'(', '['}) {
            int at = name.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String method = name.substring(0, end).strip();
        return method.isEmpty() || method.equals(className) ? null : method;
    }

    /**
     * The reason a test was skipped: a disabled test's reason is surefire's {@code message} attribute or the legacy
     * reporter's text; for an aborted test both write the stack trace as the text, whose first line is the exception's
     * class and message.
     */
    private static String message(Element skipped) {
        String message = skipped.getAttribute("message").strip();
        if (message.isEmpty()) {
            message = skipped.getTextContent().strip();
            int newline = message.indexOf('\n');
            if (newline >= 0) {
                message = message.substring(0, newline).strip();
            }
            message = THROWABLE_PREFIX.matcher(message).replaceFirst("");
        }
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static DocumentBuilder parser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            // Reports are plain XML: no document type, so no external entity can be pulled in.
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler also prints each error on stderr; the caller reports it once, with the file.
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }
}
