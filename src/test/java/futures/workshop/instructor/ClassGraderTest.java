package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.checker.Verdict;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The class grader's own logic, with a grader driven by hand: no checker, no learner code. */
@DisplayName("Grading a class, with a hand-driven grader")
class ClassGraderTest {
    private final List<Exercise> exercises = Course.load(Path.of("exercises")).exercises();
    private final int total = exercises.stream().mapToInt(Exercise::points).sum();
    /** The step failed on purpose below: the course's third. */
    private final Exercise failing = exercises.get(2);

    @Test
    @DisplayName("a learner whose grading never ends is stopped at the time limit; the others keep their grades")
    void hangingLearner(@TempDir Path dir) throws Exception {
        List<Path> learners = folders(dir, "ana", "ben-hangs", "carla");
        CountDownLatch never = new CountDownLatch(1);
        ClassGrader.Grader grader = (folder, learner, which) -> {
            if (learner.equals("ben-hangs")) {
                never.await(); // only cancel(true) ends this
            }
            return allPassed();
        };
        Recording listener = new Recording();

        List<LearnerGrade> grades = new ClassGrader(exercises, grader, 2, 2000).grade(learners, listener);

        assertThat(grades).extracting(LearnerGrade::learner).containsExactly("ana", "ben-hangs", "carla");
        assertThat(grades.get(0).points()).isEqualTo(total);
        assertThat(grades.get(2).points()).isEqualTo(total);
        assertThat(grades.get(1).points()).isZero();
        assertThat(grades.get(1).problem()).contains("time limit of 2 s").contains("stopped");
        assertThat(listener.finished).containsExactlyInAnyOrder("ana", "ben-hangs", "carla");
        assertThat(listener.lastDone).isEqualTo(3);
    }

    @Test
    @DisplayName("a grader that throws on one learner marks that learner as not graded, nobody else")
    void graderFails(@TempDir Path dir) throws Exception {
        List<Path> learners = folders(dir, "ana", "ben");
        ClassGrader.Grader grader = (folder, learner, which) -> {
            if (learner.equals("ben")) {
                throw new IllegalStateException("disk full");
            }
            return allPassed();
        };
        List<LearnerGrade> grades = new ClassGrader(exercises, grader, 2, 60_000).grade(learners, new Recording());
        assertThat(grades.get(0).points()).isEqualTo(total);
        assertThat(grades.get(1).problem()).contains("the grader failed").contains("disk full");
    }

    @Test
    @DisplayName("an exercise that failed is checked once more, alone: only the second verdict counts; an untouched stub is not")
    void failuresAreCheckedAgain(@TempDir Path dir) throws Exception {
        List<Path> learners = folders(dir, "ana-unlucky", "ben-wrong", "cy-not-started");
        java.util.Map<String, Integer> calls = new java.util.concurrent.ConcurrentHashMap<>();
        ClassGrader.Grader grader = (folder, learner, which) -> {
            int call = calls.merge(learner, 1, Integer::sum);
            boolean failsNow = !learner.equals("ana-unlucky") || call == 1; // ana fails only the first time
            boolean untouched = learner.equals("cy-not-started");
            String why = untouched ? "not done yet: submit it" : "wrong";
            List<Verdict> out = new ArrayList<>();
            for (Exercise e : which) {
                boolean fails = failsNow && e.equals(failing);
                out.add(new Verdict(e, fails ? Verdict.Status.FAILED : Verdict.Status.PASSED,
                        List.of(new Verdict.CheckResult("check", !fails, fails ? why : null, fails && untouched)), List.of()));
            }
            return out;
        };
        Recording listener = new Recording();
        List<LearnerGrade> grades = new ClassGrader(exercises, grader, 2, 60_000).grade(learners, listener);
        assertThat(grades.get(0).points()).isEqualTo(total);
        assertThat(grades.get(1).points()).isEqualTo(total - failing.points());
        assertThat(grades.get(2).points()).isEqualTo(total - failing.points());
        assertThat(calls).containsEntry("ana-unlucky", 2).containsEntry("ben-wrong", 2).containsEntry("cy-not-started", 1);
        assertThat(listener.rechecked).as("the console is told the final score, as the sheet").containsExactly("ana-unlucky "
                + (total - failing.points()) + " -> " + total);
    }

    @Test
    @DisplayName("learner folders come in natural order, hidden ones and plain files left out")
    void learnerOrder(@TempDir Path dir) throws Exception {
        folders(dir, "learner-10", "learner-2", ".git", "learner-1");
        Files.writeString(dir.resolve("notes.txt"), "not a learner");
        assertThat(ClassGrader.learners(dir)).extracting(p -> p.getFileName().toString())
                .containsExactly("learner-1", "learner-2", "learner-10");
    }

    private List<Verdict> allPassed() {
        List<Verdict> out = new ArrayList<>();
        for (Exercise e : exercises) {
            out.add(new Verdict(e, Verdict.Status.PASSED, List.of(new Verdict.CheckResult("ok", true, null)), List.of()));
        }
        return out;
    }

    private static List<Path> folders(Path dir, String... names) throws Exception {
        List<Path> out = new ArrayList<>();
        for (String name : names) {
            out.add(Files.createDirectories(dir.resolve(name)));
        }
        return out;
    }

    /** Records what the grader reported, on the watching thread. */
    static final class Recording implements ClassGrader.Listener {
        final List<String> finished = new ArrayList<>();
        final List<String> rechecked = new ArrayList<>();

        @Override
        public void rechecked(LearnerGrade before, LearnerGrade after) {
            rechecked.add(after.learner() + " " + before.points() + " -> " + after.points());
        }
        int lastDone;

        @Override
        public void started(int learners) {}

        @Override
        public void finished(LearnerGrade grade, int done, int learners, int running) {
            finished.add(grade.learner());
            lastDone = done;
        }

        @Override
        public void tick(int done, int learners, int running) {}
    }
}
