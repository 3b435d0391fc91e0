package futures.workshop.checker;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import futures.workshop.course.Course;
import futures.workshop.sandbox.Folders;
import futures.workshop.course.Exercise;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One real check of a folder with every kind of verdict (passed, failed, missing, not compiling),
 * then its printed score, its JSON and its XML compared with each other.
 */
@DisplayName("The grade reports of make check")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GradeReportsTest {
    @TempDir
    static Path dir;

    private Course course;
    private String printed;
    private Path grades;
    private List<Verdict> verdicts;

    @BeforeAll
    void check() throws IOException {
        course = Course.load(Path.of("exercises"));
        Path folder = dir.resolve("learner");
        copy(Path.of("solutions"), folder);
        Files.delete(folder.resolve(course.find("2").file()));                         // missing
        Path watch = folder.resolve(course.find("5").file());                          // does not compile
        Files.writeString(watch, Files.readString(watch).replace("return List.of(", "return List.off("));
        Files.copy(Path.of("exercises").resolve(course.find("3").file()),              // not done yet
                folder.resolve(course.find("3").file()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        List<Exercise> which = List.of(course.find("1"), course.find("2"), course.find("3"), course.find("5"));

        grades = dir.resolve("grades");
        Path work = Folders.newWorkDir();
        try (Checker checker = new Checker(course, work)) {
            GradeReports reports = new GradeReports(grades);
            verdicts = checker.check(folder, "learner", which, reports::listener);
            reports.write(verdicts, "learner");
        } finally {
            Folders.deleteQuietly(work);
        }
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        new Report(new PrintStream(text, true, StandardCharsets.UTF_8), false).print(verdicts, "learner", course.exercises(), Set.of());
        printed = text.toString(StandardCharsets.UTF_8);
    }

    @AfterAll
    void noTemporaryFoldersLeft() throws IOException {
        try (var files = Files.list(grades)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList())
                    .containsExactlyInAnyOrder(GradeReports.XML, GradeReports.JSON);
        }
    }

    @Test
    @DisplayName("the folder graded has one exercise of each kind: passed, failed, missing, not compiling")
    void everyKind() {
        assertThat(verdicts).extracting(Verdict::status).containsExactly(Verdict.Status.PASSED,
                Verdict.Status.MISSING, Verdict.Status.FAILED, Verdict.Status.NOT_COMPILED);
    }

    @Test
    @DisplayName("the JSON has GitHub Classroom's shape and the printed score")
    void jsonAgrees() throws IOException {
        JsonNode json = new ObjectMapper().readTree(grades.resolve(GradeReports.JSON).toFile());
        assertThat(disagreements(json, printed)).isEmpty();
        assertThat(json.get("status").asText()).isEqualTo("fail");
        assertThat(json.at("/tests/1/message").asText()).contains("is missing");
        assertThat(json.at("/tests/3/message").asText()).startsWith("does not compile").contains("List.off");
    }

    @Test
    @DisplayName("a JSON whose score was changed is caught by the comparison")
    void tamperedJsonIsCaught() throws IOException {
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(grades.resolve(GradeReports.JSON).toFile());
        ((ObjectNode) json.get("tests").get(0)).put("score", 0);
        assertThat(disagreements(json, printed)).isNotEmpty();
    }

    @Test
    @DisplayName("the XML is well formed, fails every exercise that failed, and only those")
    void xmlAgrees() throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        Document xml = factory.newDocumentBuilder().parse(grades.resolve(GradeReports.XML).toFile());
        assertThat(xml.getDocumentElement().getTagName()).isEqualTo("testsuites");

        Map<String, Boolean> passedByExercise = xmlVerdicts(xml);
        Map<String, Boolean> expected = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            expected.put(v.exercise().label(), v.passed());
        }
        assertThat(passedByExercise).isEqualTo(expected);
        int points = verdicts.stream().filter(v -> passedByExercise.get(v.exercise().label()))
                .mapToInt(v -> v.exercise().points()).sum();
        assertThat("Score: " + points + "/").isEqualTo(scoreLine(printed).substring(0, ("Score: " + points + "/").length()));

        NodeList suites = xml.getElementsByTagName("testsuite");
        int failures = 0;
        for (int i = 0; i < suites.getLength(); i++) {
            failures += Integer.parseInt(((Element) suites.item(i)).getAttribute("failures"));
        }
        assertThat(xml.getDocumentElement().getAttribute("failures")).isEqualTo(Integer.toString(failures));
    }

    /** Exercise label to whether all its testcases passed, from the check classes and NotGraded's messages. */
    private Map<String, Boolean> xmlVerdicts(Document xml) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        NodeList cases = xml.getElementsByTagName("testcase");
        for (int i = 0; i < cases.getLength(); i++) {
            Element c = (Element) cases.item(i);
            boolean failed = c.getElementsByTagName("failure").getLength() + c.getElementsByTagName("error").getLength() > 0;
            String label = c.getAttribute("classname"); // the exercise, as the learner names it
            out.merge(label, !failed, Boolean::logicalAnd);
        }
        Map<String, Boolean> ordered = new LinkedHashMap<>();
        for (Verdict v : verdicts) {
            if (out.containsKey(v.exercise().label())) {
                ordered.put(v.exercise().label(), out.get(v.exercise().label()));
            }
        }
        new TreeSet<>(out.keySet()).stream().filter(k -> !ordered.containsKey(k)).forEach(k -> ordered.put(k, out.get(k)));
        return ordered;
    }

    /** What differs between the JSON summary and the printed report; empty when they agree. */
    static List<String> disagreements(JsonNode json, String printed) {
        List<String> out = new ArrayList<>();
        Matcher score = Pattern.compile("Score: (\\d+)/(\\d+) points").matcher(printed);
        if (!score.find()) {
            return List.of("no score line in the report");
        }
        int sum = 0;
        for (JsonNode t : json.get("tests")) {
            sum += t.get("score").asInt();
            for (String field : List.of("name", "status", "score", "max_score")) {
                if (!t.has(field)) {
                    out.add("test without " + field + ": " + t);
                }
            }
            boolean pass = t.get("status").asText().equals("pass");
            if (pass != (t.get("score").asInt() == t.get("max_score").asInt())) {
                out.add("status and score disagree: " + t);
            }
        }
        if (json.get("version").asInt() != 1) {
            out.add("version " + json.get("version"));
        }
        if (sum != Integer.parseInt(score.group(1))) {
            out.add("tests add up to " + sum + ", the report says " + score.group(1));
        }
        if (json.get("score").asInt() != sum) {
            out.add("score " + json.get("score") + " is not the sum " + sum);
        }
        if (json.get("max_score").asInt() != Integer.parseInt(score.group(2))) {
            out.add("max_score " + json.get("max_score") + ", the report says " + score.group(2));
        }
        return out;
    }

    private static String scoreLine(String printed) {
        return printed.lines().filter(l -> l.startsWith("Score: ")).findFirst().orElse("");
    }

    private static void copy(Path from, Path to) throws IOException {
        Folders.copy(from, to, p -> true);
    }
}
