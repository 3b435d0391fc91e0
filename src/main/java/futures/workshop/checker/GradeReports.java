package futures.workshop.checker;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import futures.workshop.sandbox.Folders;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.reporting.legacy.xml.LegacyXmlReportGeneratingListener;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The machine-readable results of one {@code make check}, written to {@code target/grades/}:
 * {@code junit.xml}, JUnit's standard XML report (what CI systems show), and
 * {@code autograding.json}, the summary GitHub Classroom's reporter reads ({@link Autograding}).
 *
 * <p>The XML comes from JUnit's own {@link LegacyXmlReportGeneratingListener}: {@link #listener()}
 * goes to the checker's JUnit run; exercises that never reach it (missing, not compiling) get a
 * second small run of {@link NotGraded} in {@link #write}, and the two reports are joined under
 * one {@code <testsuites>} with the JDK's DOM. Used from one thread, like a {@code StringBuilder}.
 *
 * <pre>{@code
 * GradeReports reports = new GradeReports(GradeReports.FOLDER);
 * List<Verdict> verdicts = checker.check(dir, "exercises", exercises, reports::listener);
 * reports.write(verdicts, "exercises");
 * }</pre>
 */
public final class GradeReports {
    /** Where {@code make check} writes them, below the kit's top folder. */
    public static final Path FOLDER = Path.of("target", "grades");
    public static final String XML = "junit.xml";
    public static final String JSON = "autograding.json";

    private final Path folder;
    private final Path checksXml;
    private final StringWriter listenerErrors = new StringWriter();
    private final java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();

    public GradeReports(Path folder) {
        this.folder = folder;
        this.checksXml = folder.resolve("checks-" + UUID.randomUUID());
    }

    /** Writes the XML report of one JUnit run of the checker; give {@code reports::listener} to {@code Checker#check}. */
    public TestExecutionListener listener() {
        return new LegacyXmlReportGeneratingListener(checksXml.resolve("run-" + runs.incrementAndGet()),
                new PrintWriter(listenerErrors, true));
    }

    /** Writes {@code junit.xml} and {@code autograding.json} for these verdicts; returns the folder. */
    public Path write(List<Verdict> verdicts, String shownFolder) {
        return write(verdicts, shownFolder, null, List.of());
    }

    /**
     * {@link #write(List, String)} for a check of some exercises of the course in {@code graded}:
     * the JSON lists every exercise of {@code course}. One graded now has its new result; another
     * keeps its last one (kept in {@code exercises/} here) only while its file is unchanged, else
     * it counts as not graded. So {@code make check EX=3} never passes for the whole course.
     */
    public Path write(List<Verdict> verdicts, String shownFolder, Path graded, List<Exercise> course) {
        try {
            Files.createDirectories(folder);
            List<Verdict> notGraded = verdicts.stream()
                    .filter(v -> v.status() == Verdict.Status.MISSING || v.status() == Verdict.Status.NOT_COMPILED
                            || v.status() == Verdict.Status.NO_CLASS)
                    .toList();
            Path notGradedXml = folder.resolve("not-graded-" + UUID.randomUUID());
            if (!notGraded.isEmpty()) {
                runNotGraded(notGraded, notGradedXml);
            }
            joinXml(Stream.of(checksXml, notGradedXml), folder.resolve(XML), verdicts);
            Folders.deleteQuietly(checksXml);
            Folders.deleteQuietly(notGradedXml);
            ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
            Autograding summary = Autograding.of(verdicts, shownFolder);
            if (graded != null && !course.isEmpty()) {
                summary = wholeCourse(json, verdicts, shownFolder, graded, course);
            }
            json.writeValue(folder.resolve(JSON).toFile(), summary);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the grade reports to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** An exercise's last result, with the hash of its file when it was graded. */
    private record Kept(Autograding.Test test, String sha256) {}

    private Autograding wholeCourse(ObjectMapper json, List<Verdict> verdicts, String shownFolder, Path graded,
                                    List<Exercise> course) throws IOException {
        Path kept = Files.createDirectories(folder.resolve("exercises"));
        java.util.Map<Exercise, Autograding.Test> now = new java.util.LinkedHashMap<>();
        for (Verdict v : verdicts) {
            Autograding.Test test = Autograding.of(v, shownFolder);
            now.put(v.exercise(), test);
            json.writeValue(kept.resolve(v.exercise().name() + ".json").toFile(),
                    new Kept(test, Progress.sha256(graded.resolve(v.exercise().file()))));
        }
        List<Autograding.Test> tests = new java.util.ArrayList<>();
        for (Exercise e : course) {
            Autograding.Test test = now.get(e);
            if (test == null) {
                Path file = kept.resolve(e.name() + ".json");
                Kept last = Files.isRegularFile(file) ? json.readValue(file.toFile(), Kept.class) : null;
                String sha = Progress.sha256(graded.resolve(e.file()));
                test = last != null && sha != null && sha.equals(last.sha256()) ? last.test()
                        : new Autograding.Test(e.label() + ": " + e.title(), "fail", 0, e.points(),
                                last == null ? "not graded yet: make check grades it" : "changed since it was last graded: make check grades it",
                                "make check EX=" + e.step(), shownFolder + "/" + e.file());
            }
            tests.add(test);
        }
        return Autograding.of(tests, verdicts.size() < course.size());
    }

    private static void runNotGraded(List<Verdict> notGraded, Path dir) {
        String run = UUID.randomUUID().toString();
        NotGraded.register(run, notGraded);
        try {
            var launcher = LauncherFactory.create(LauncherConfig.builder()
                    .enableTestExecutionListenerAutoRegistration(false).build());
            launcher.execute(LauncherDiscoveryRequestBuilder.request()
                    .selectors(DiscoverySelectors.selectClass(NotGraded.class))
                    .configurationParameter(NotGraded.RUN, run)
                    .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                    .build(), new LegacyXmlReportGeneratingListener(dir, new PrintWriter(new StringWriter())));
        } finally {
            NotGraded.unregister(run);
        }
    }

    /**
     * Puts the {@code <testsuite>} of every report found in {@code dirs} under one {@code <testsuites>},
     * each test case named as the learner reads it (see {@link #nameForPeople}).
     */
    private static void joinXml(Stream<Path> dirs, Path target, List<Verdict> verdicts) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            var builder = factory.newDocumentBuilder();
            Document joined = builder.newDocument();
            Element root = joined.createElement("testsuites");
            joined.appendChild(root);
            int tests = 0;
            int failures = 0;
            int errors = 0;
            for (Path report : dirs.filter(Files::isDirectory).flatMap(GradeReports::xmlFiles).toList()) {
                Element suite = builder.parse(report.toFile()).getDocumentElement();
                tests += Integer.parseInt(suite.getAttribute("tests"));
                failures += Integer.parseInt(suite.getAttribute("failures"));
                errors += Integer.parseInt(suite.getAttribute("errors"));
                root.appendChild(joined.importNode(suite, true));
            }
            NodeList cases = joined.getElementsByTagName("testcase");
            for (int i = 0; i < cases.getLength(); i++) {
                nameForPeople((Element) cases.item(i), verdicts);
            }
            root.setAttribute("name", "make check");
            root.setAttribute("tests", Integer.toString(tests));
            root.setAttribute("failures", Integer.toString(failures));
            root.setAttribute("errors", Integer.toString(errors));
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.ENCODING, "UTF-8");
            transformer.transform(new DOMSource(joined), new StreamResult(target.toFile()));
        } catch (ParserConfigurationException | SAXException | TransformerException | NumberFormatException e) {
            throw new IOException("cannot join JUnit's XML reports: " + e.getMessage(), e);
        }
    }

    /**
     * JUnit's legacy XML names a test case by its Java method ({@code runsBothAtOnce(Submission)},
     * {@code declared(Declared)[2][4]}); CI pages show those names. Here the case is named by its
     * check's sentence, and its class by the exercise ({@code 3 async}), from the display name
     * JUnit writes beside it ({@code JUnit Jupiter > class or exercise > ... > check}).
     */
    private static void nameForPeople(Element testcase, List<Verdict> verdicts) {
        String display = testcase.getTextContent().lines().filter(l -> l.startsWith("display-name: "))
                .map(l -> l.substring("display-name: ".length())).findFirst().orElse(null);
        if (display == null) {
            return;
        }
        List<String> path = List.of(display.split(" > "));
        String check = path.get(path.size() - 1);
        String className = testcase.getAttribute("classname");
        String exercise = null;
        for (Verdict v : verdicts) {
            Exercise e = v.exercise();
            if (className.equals(e.checks()) || path.contains(e.label()) || check.startsWith(e.label() + ": ")) {
                exercise = e.label();
                break;
            }
        }
        if (exercise != null) {
            testcase.setAttribute("classname", exercise);
            testcase.setAttribute("name", check.startsWith(exercise + ": ") ? check.substring(exercise.length() + 2) : check);
        }
    }

    private static Stream<Path> xmlFiles(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".xml")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
