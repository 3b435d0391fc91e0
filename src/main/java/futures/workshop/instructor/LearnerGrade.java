package futures.workshop.instructor;

import futures.workshop.checker.Verdict;
import futures.workshop.course.Exercise;
import java.util.List;
import java.util.Optional;

/**
 * One learner's grade: a verdict per exercise, or, when grading the learner did not finish
 * (time limit, a crash of the grader), why not, which then counts as zero points.
 *
 * @param learner  the learner's folder name
 * @param verdicts one per exercise, in course order; empty when {@code problem} is set
 * @param problem  why the learner could not be graded, or null
 * @param millis   how long grading this learner took
 */
public record LearnerGrade(String learner, List<Verdict> verdicts, String problem, long millis) {

    public static LearnerGrade notGraded(String learner, String problem, long millis) {
        return new LearnerGrade(learner, List.of(), problem, millis);
    }

    public int points() {
        return verdicts.stream().mapToInt(Verdict::points).sum();
    }

    /** The verdict for this exercise, absent when the learner was not graded. */
    public Optional<Verdict> verdict(Exercise exercise) {
        return verdicts.stream().filter(v -> v.exercise().step() == exercise.step()).findFirst();
    }
}
