package futures.workshop.checker;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The JSON summary of a check in the shape GitHub Classroom's autograding reporter reads from
 * each grader (the {@code result} of {@code autograding-command-grader}, base64-decoded): a
 * status, the maximum score, and one test per exercise with its score. The reporter adds up
 * {@code tests[].score} and {@code max_score}; {@code score} is the same total, for people.
 *
 * @param version   format version, 1
 * @param status    {@code pass} when every exercise passed, else {@code fail}
 * @param maxScore  points available for the exercises graded
 * @param score     points earned, the sum of {@code tests[].score}
 * @param partial   true when this check graded only some exercises ({@code make check EX=3}): the
 *                  others carry their last result, if their file is unchanged since, else none
 * @param tests     one entry per exercise of the course, in course order
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Autograding(int version, String status, @JsonProperty("max_score") int maxScore, int score,
                          Boolean partial, List<Test> tests) {

    /**
     * One exercise.
     *
     * @param name      "3 async: two calls at the same time"
     * @param status    {@code pass} or {@code fail}
     * @param score     points earned (all or nothing, like the printed score)
     * @param maxScore  points available
     * @param message   why it failed (the first failure, or the compile errors); absent when it passed
     * @param testCode  the command that grades it alone
     * @param filename  the learner's file
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Test(String name, String status, int score, @JsonProperty("max_score") int maxScore, String message,
                       @JsonProperty("test_code") String testCode, String filename) {}

    /** One exercise's entry for this verdict, with its file shown below {@code shownFolder}. */
    public static Test of(Verdict v, String shownFolder) {
        return new Test(v.exercise().label() + ": " + v.exercise().title(), v.passed() ? "pass" : "fail", v.points(),
                v.exercise().points(), v.passed() ? null : v.reason(), "make check EX=" + v.exercise().step(),
                shownFolder + "/" + v.exercise().file());
    }

    /** The summary of these verdicts, with file names shown below {@code shownFolder}. */
    public static Autograding of(List<Verdict> verdicts, String shownFolder) {
        return of(verdicts.stream().map(v -> of(v, shownFolder)).toList(), false);
    }

    /** The summary of these entries; {@code partial} when some were not graded by this check. */
    public static Autograding of(List<Test> tests, boolean partial) {
        int max = tests.stream().mapToInt(Test::maxScore).sum();
        int score = tests.stream().mapToInt(Test::score).sum();
        boolean all = tests.stream().allMatch(t -> t.status().equals("pass"));
        return new Autograding(1, all ? "pass" : "fail", max, score, partial ? Boolean.TRUE : null, tests);
    }
}
