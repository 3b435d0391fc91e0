package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import futures.workshop.browser.Chromium;
import futures.workshop.checker.Checker;
import futures.workshop.sandbox.Folders;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class of mixed submissions graded for real: learner code in the checker's sandbox JVMs, one
 * shared checker, learners in parallel; then the grade sheet's CSV read back and its HTML table
 * measured in headless Chromium.
 */
@DisplayName("Grading a class of mixed submissions")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MixedClassTest {
    /** A folder name a careless HTML writer would turn into markup. */
    static final String HOSTILE = "gus <b>&co \"quoted\"";

    @TempDir
    static Path dir;

    private Course course;
    private List<LearnerGrade> grades;
    private Path out;

    /** Learner to the points expected for each exercise, in course order. */
    private final Map<String, int[]> expected = new LinkedHashMap<>();

    @BeforeAll
    void gradeTheClass() throws Exception {
        course = Course.load(Path.of("exercises"));
        Path classDir = dir.resolve("class");
        int[] all = course.exercises().stream().mapToInt(Exercise::points).toArray();

        copy(Path.of("solutions"), classDir.resolve("ana"));
        expected.put("ana", all);

        copy(Path.of("exercises"), classDir.resolve("ben-stubs"));
        expected.put("ben-stubs", new int[all.length]);

        Path hangs = classDir.resolve("carla-hangs");
        copy(Path.of("solutions"), hangs);
        replace(hangs.resolve(course.find("1").file()), "return pool.submit(", "while (true) { Thread.onSpinWait(); } //");
        expected.put("carla-hangs", without(all, 1));

        Path broken = classDir.resolve("dan-broken");
        copy(Path.of("solutions"), broken);
        replace(broken.resolve(course.find("5").file()), "return List.of(", "return List.off(");
        expected.put("dan-broken", without(all, 5));

        Files.createDirectories(classDir.resolve("eve-empty"));
        expected.put("eve-empty", new int[all.length]);

        Path huge = classDir.resolve("fay-huge");
        copy(Path.of("solutions"), huge);
        Files.writeString(huge.resolve(course.find("3").file()), "\n//" + "x".repeat(400_000) + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        expected.put("fay-huge", without(all, 3));

        copy(Path.of("solutions"), classDir.resolve(HOSTILE));
        expected.put(HOSTILE, all);

        Path work = Folders.newWorkDir();
        try (Checker checker = new Checker(course, work)) {
            ClassGrader grader = new ClassGrader(course.exercises(), ClassGrader.with(checker),
                    2, 300_000); // the limit is a guard here: carla's hang is the sandbox's to catch
            grades = grader.grade(ClassGrader.learners(classDir), new ClassGraderTest.Recording());
        } finally {
            Folders.deleteQuietly(work);
        }
        out = dir.resolve("sheet");
        new ClassSheet(course.exercises(), grades).write(out);
    }

    @Test
    @DisplayName("gives every learner the points their submission deserves, and says why points are missing")
    void grades() {
        Map<String, int[]> actual = new LinkedHashMap<>();
        for (LearnerGrade g : grades) {
            actual.put(g.learner(), course.exercises().stream()
                    .mapToInt(e -> g.verdict(e).map(v -> v.points()).orElse(-1)).toArray());
        }
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet().stream().sorted().toList());
        expected.forEach((learner, points) -> assertThat(actual.get(learner)).as(learner).containsExactly(points));

        String carla = reasons("carla-hangs");
        assertThat(carla).startsWith("1 submit: ").contains("it hangs").doesNotContain("2 arguments");
        assertThat(reasons("dan-broken")).startsWith("5 watch: does not compile").contains("List.off");
        assertThat(reasons("eve-empty")).isEqualTo("no exercise file in the folder: an empty submission");
        assertThat(reasons("fay-huge")).contains("KiB").contains("not compiled");
        assertThat(reasons("ben-stubs")).contains("not done yet");
    }

    @Test
    @DisplayName("writes a CSV a spreadsheet reads back to the same points, totals and reasons")
    void csv() throws IOException {
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out.resolve(ClassSheet.CSV).toFile())) {
            List<Map<String, String>> all = rows.readAll();
            assertThat(all).extracting(r -> r.get("learner")).containsExactlyElementsOf(learnerNames());
            for (Map<String, String> row : all) {
                int[] points = expected.get(row.get("learner"));
                for (int i = 0; i < points.length; i++) {
                    assertThat(row.get(course.exercises().get(i).label())).as(row.get("learner") + " " + i)
                            .isEqualTo(Integer.toString(points[i]));
                }
                assertThat(row.get("total")).isEqualTo(Integer.toString(java.util.Arrays.stream(points).sum()));
                assertThat(row.get("reasons")).isEqualTo(reasons(row.get("learner")));
            }
        }
    }

    private static final String MEASURE = """
            var rows = document.querySelectorAll('#grades tbody tr');
            var learners = [];
            for (var i = 0; i < rows.length; i++) {
              var r = rows[i], cells = r.querySelectorAll('td.points'), points = [], visible = true;
              for (var j = 0; j < cells.length; j++) {
                var b = cells[j].getBoundingClientRect();
                visible = visible && b.width > 0 && b.height > 0 && getComputedStyle(cells[j]).visibility !== 'hidden';
                points.push({text: cells[j].textContent, failed: cells[j].classList.contains('fail'),
                             why: cells[j].getAttribute('title')});
              }
              learners.push({name: r.querySelector('th').textContent, points: points, visible: visible,
                             total: r.querySelector('td.total').textContent,
                             reasons: r.querySelectorAll('td.reasons li').length});
            }
            document.getElementById('result').textContent = JSON.stringify(
                {columns: document.querySelectorAll('#grades thead th').length, learners: learners,
                 markup: document.querySelectorAll('#grades tbody b').length});
            """;

    @Test
    @DisplayName("draws the HTML table in Chromium: a visible row per learner, names as text, a reason on every red cell")
    void htmlInChromium(@TempDir Path browser) throws Exception {
        Path chromium = Chromium.find();
        String html = Files.readString(out.resolve(ClassSheet.HTML), StandardCharsets.UTF_8);
        JsonNode good = measure(chromium, html, browser.resolve("good"));

        assertThat(good.get("columns").asInt()).isEqualTo(course.exercises().size() + 3);
        assertThat(good.get("markup").asInt()).as("elements made from learner text").isZero();
        List<String> names = learnerNames();
        assertThat(good.get("learners")).hasSize(names.size());
        for (int i = 0; i < names.size(); i++) {
            JsonNode row = good.get("learners").get(i);
            int[] points = expected.get(names.get(i));
            assertThat(row.get("name").asText()).isEqualTo(names.get(i));
            assertThat(row.get("visible").asBoolean()).as(names.get(i) + "'s cells are drawn").isTrue();
            assertThat(row.get("total").asText()).isEqualTo(Integer.toString(java.util.Arrays.stream(points).sum()));
            int failed = 0;
            for (int j = 0; j < points.length; j++) {
                JsonNode cell = row.get("points").get(j);
                assertThat(cell.get("text").asText()).isEqualTo(Integer.toString(points[j]));
                boolean fails = points[j] == 0;
                failed += fails ? 1 : 0;
                assertThat(cell.get("failed").asBoolean()).as(names.get(i) + " " + j).isEqualTo(fails);
                assertThat(cell.get("why").isNull() || cell.get("why").asText().isEmpty()).isEqualTo(!fails);
            }
            assertThat(row.get("reasons").asInt()).isEqualTo(names.get(i).equals("eve-empty") ? 1 : failed);
        }

        // The same page with the hostile name pasted in unescaped: the measurement must notice.
        String escaped = HOSTILE.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        assertThat(html).contains(escaped);
        JsonNode broken = measure(chromium, html.replace(escaped, HOSTILE), browser.resolve("broken"));
        assertThat(broken.get("markup").asInt()).isPositive();
        assertThat(broken.findValuesAsText("name")).doesNotContain(HOSTILE);
    }

    private static JsonNode measure(Path chromium, String html, Path dir) throws Exception {
        Files.createDirectories(dir);
        Path page = dir.resolve("page.html");
        Files.writeString(page, html.replace("</body>", "<pre id=\"result\"></pre><script>" + MEASURE + "</script></body>"),
                StandardCharsets.UTF_8);
        return Chromium.measure(chromium, page, dir);
    }

    private List<String> learnerNames() {
        return grades.stream().map(LearnerGrade::learner).toList();
    }

    private String reasons(String learner) {
        LearnerGrade g = grades.stream().filter(x -> x.learner().equals(learner)).findFirst().orElseThrow();
        return String.join("\n", new ClassSheet(course.exercises(), grades).reasons(g));
    }

    private static int[] without(int[] all, int step) {
        int[] out = all.clone();
        out[step - 1] = 0;
        return out;
    }

    private static void replace(Path file, String what, String with) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(what);
        Files.writeString(file, text.replace(what, with));
    }

    private static void copy(Path from, Path to) throws IOException {
        Folders.copy(from, to, p -> !p.getFileName().toString().equals(Course.FILE));
    }
}
