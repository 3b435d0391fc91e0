package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import futures.workshop.checker.Verdict;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grades.csv opened in a spreadsheet: no cell a learner named may run as a formula. */
@DisplayName("The class grade sheet's CSV")
class ClassSheetTest {
    @Test
    @DisplayName("neutralises names and reasons a spreadsheet would take for formulas, and leaves the rest as they are")
    void noFormulas(@TempDir Path dir) throws Exception {
        List<Exercise> exercises = Course.load(Path.of("exercises")).exercises();
        List<LearnerGrade> grades = new ArrayList<>();
        for (String name : List.of("=HYPERLINK(\"http://example.org\",\"click\")", "+1+1", "-2", "@SUM(A1)", "ana")) {
            List<Verdict> verdicts = exercises.stream().map(e -> new Verdict(e, Verdict.Status.PASSED,
                    List.of(new Verdict.CheckResult("ok", true, null)), List.<String>of())).toList();
            grades.add(new LearnerGrade(name, verdicts, null, 0));
        }
        grades.add(LearnerGrade.notGraded("bob", "=cmd|' /C calc'!A0 was its reason", 0));
        new ClassSheet(exercises, grades).write(dir);
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(dir.resolve(ClassSheet.CSV).toFile())) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).extracting(r -> r.get("learner")).containsExactly("'=HYPERLINK(\"http://example.org\",\"click\")",
                "'+1+1", "'-2", "'@SUM(A1)", "ana", "bob");
        assertThat(rows.get(5).get("reasons")).startsWith("'=cmd");
        assertThat(rows.get(4).get("total")).isEqualTo(Integer.toString(exercises.stream().mapToInt(Exercise::points).sum()));
    }
}
