package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.checker.Session;
import futures.workshop.checker.Verdict;
import futures.workshop.classlink.ClassLink;
import futures.workshop.classlink.Wire;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import futures.workshop.course.TempKit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Learners' kits and a board together on loopback: the kits' own sending code, many at once. */
@DisplayName("Learners' kits and the class board together")
class ClassBoardLoadTest {
    static final int LEARNERS = 60;
    static final int UPDATES = 20;

    @TempDir
    Path dir;

    @Test
    @DisplayName("60 learners each sending 20 updates at once lose nothing; the board, and the board restarted, is what they sent last")
    void sixtyLearners() throws Exception {
        TestBoard board = TestBoard.start(dir);
        Course course = board.course();
        Path state = board.state();
        ClassRoll roll = board.roll();
        String address = board.address();
        Map<String, Map<String, Wire.Step>> last = new HashMap<>();
        ConcurrentLinkedQueue<Long> micros = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> lost = new ConcurrentLinkedQueue<>();
        long started;
        long took;
        try {
            List<Path> kits = new ArrayList<>();
            for (int i = 0; i < LEARNERS; i++) {
                Path kit = Files.createDirectories(dir.resolve("learner-" + i)); // all a kit's sending reads is its .workshop/
                ClassLink.join(kit, address, roll.code().toLowerCase(Locale.ROOT), "learner " + i, course);
                kits.add(kit);
            }
            Instant base = Instant.parse("2026-11-30T09:00:00Z");
            for (int i = 0; i < LEARNERS; i++) {
                last.put("learner " + i, update(course, i, UPDATES - 1, base));
            }
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService learners = Executors.newFixedThreadPool(LEARNERS);
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < LEARNERS; i++) {
                int learner = i;
                running.add(learners.submit(() -> {
                    go.await();
                    for (int u = 0; u < UPDATES; u++) {
                        Progress.State state1 = state(course, update(course, learner, u, base));
                        long t0 = System.nanoTime();
                        ClassLink.Sending sending = ClassLink.send(kits.get(learner), state1, course);
                        sending.note(Duration.ofSeconds(30)).ifPresent(why -> lost.add("learner " + learner + ": " + why));
                        micros.add((System.nanoTime() - t0) / 1000);
                    }
                    return null;
                }));
            }
            started = System.nanoTime();
            go.countDown();
            for (Future<?> f : running) {
                f.get();
            }
            took = (System.nanoTime() - started) / 1_000_000;
            learners.shutdown();
            assertThat(lost).as("updates the board did not take").isEmpty();
            assertThat(micros).hasSize(LEARNERS * UPDATES);
            assertThat(sent(roll.board(""))).isEqualTo(expected(course, last));
        } finally {
            board.close();
        }
        ClassRoll again = ClassRoll.open(state, course, false, Clock.systemUTC());
        assertThat(sent(again.board(""))).as("after a restart").isEqualTo(expected(course, last));
        List<Long> sorted = micros.stream().sorted().toList();
        System.out.printf(Locale.ROOT, "class board load: %d learners x %d updates = %d posts in %d ms (%.0f posts/s);"
                        + " per post median %.1f ms, 99th percentile %.1f ms, max %.1f ms%n",
                LEARNERS, UPDATES, sorted.size(), took, sorted.size() * 1000.0 / took, sorted.get(sorted.size() / 2) / 1000.0,
                sorted.get(sorted.size() * 99 / 100) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
    }

    /** Update {@code u} of learner {@code i}: every step, its status turning with i, u and the step. */
    static Map<String, Wire.Step> update(Course course, int i, int u, Instant base) {
        Map<String, Wire.Step> steps = new java.util.LinkedHashMap<>();
        for (Exercise e : course.exercises()) {
            String at = base.plusSeconds(u).toString();
            steps.put(e.name(), switch ((i + u + e.step()) % 3) {
                case 0 -> new Wire.Step(Wire.PASSED, e.points(), null, at);
                case 1 -> new Wire.Step(Wire.FAILED, 0, "fault " + u + " of " + e.name(), at);
                default -> new Wire.Step(Wire.NOT_STARTED, 0, Progress.Result.UNTOUCHED, at);
            });
        }
        return steps;
    }

    /** The learner's progress file as it would be after the checks behind {@code steps}. */
    static Progress.State state(Course course, Map<String, Wire.Step> steps) {
        Map<String, Progress.Result> results = new HashMap<>();
        for (Exercise e : course.exercises()) {
            Wire.Step s = steps.get(e.name());
            Progress.Checked checked = s.status().equals(Wire.PASSED) ? Progress.Checked.PASSED : Progress.Checked.FAILED;
            results.put(e.name(), new Progress.Result(checked, "sha", s.at(), s.points(), s.fault()));
        }
        return new Progress.State(Map.of(), results);
    }

    /** "learner/step" → "state points fault" as the board shows it. */
    static Map<String, String> sent(ClassRoll.Board board) {
        Map<String, String> out = new HashMap<>();
        for (ClassRoll.Row r : board.learners()) {
            for (int k = 0; k < r.cells().size(); k++) {
                ClassRoll.Cell c = r.cells().get(k);
                out.put(r.name() + "/" + board.steps().get(k).name(), c.state() + " " + c.points() + " " + c.fault());
            }
        }
        return out;
    }

    static Map<String, String> expected(Course course, Map<String, Map<String, Wire.Step>> last) {
        Map<String, String> out = new HashMap<>();
        last.forEach((name, steps) -> steps.forEach((step, s) -> out.put(name + "/" + step,
                s.status().equals(Wire.NOT_STARTED) ? "not-tried 0 null" : s.status() + " " + s.points() + " " + s.fault())));
        return out;
    }

    @Test
    @DisplayName("a check's verdicts reach the board through the checker's session: the failed check's name, never the code")
    void throughTheSession() throws Exception {
        try (TestBoard board = TestBoard.start(dir)) {
            Course course = board.course();
            ClassRoll roll = board.roll();
            Path kit = dir.resolve("kit");
            TempKit.make(kit);
            ClassLink.join(kit, board.address(), roll.code(), "alice", course);
            Exercise async = course.find("3");
            Verdict failed = new Verdict(async, Verdict.Status.FAILED, List.of(
                    new Verdict.CheckResult("submits both slowAdd calls to the pool", true, null),
                    new Verdict.CheckResult("runs the two slowAdd calls at the same time", false,
                            "int secret = 42; // the learner's code, quoted in a message")), List.of());
            Verdict passed = new Verdict(course.find("1"), Verdict.Status.PASSED, List.of(), List.of());
            ClassLink.Sending sending = Session.remember(Progress.of(kit), course, List.of(failed, passed), null);
            assertThat(sending.note(Duration.ofSeconds(10))).isEmpty();
            ClassRoll.Board shown = roll.board("");
            assertThat(shown.learners().get(0).cells().get(2).fault()).isEqualTo("runs the two slowAdd calls at the same time");
            assertThat(shown.learners().get(0).cells().get(0).state()).isEqualTo(Wire.PASSED);
            assertThat(Files.readString(board.state())).doesNotContain("secret");
        }
    }
}
