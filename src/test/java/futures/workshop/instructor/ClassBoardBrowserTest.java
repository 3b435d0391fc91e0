package futures.workshop.instructor;

import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.browser.Browser;
import futures.workshop.classlink.ClassLink;
import futures.workshop.classlink.Wire;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.course.Progress;
import futures.workshop.course.TempKit;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The board's page in real headless Chromium, while simulated learners' kits send verdicts. */
@Execution(ExecutionMode.CONCURRENT) // mostly waits on sockets and a browser: runs beside the rest
@DisplayName("The class board's page in Chromium")
class ClassBoardBrowserTest {
    /** What the issue asks of the page: a verdict shows within a second of the board taking it. */
    static final Duration LIVE = Duration.ofSeconds(1);
    static final String HOSTILE = "<img src=x onerror=\"document.title=1\">";

    @TempDir
    Path dir;

    @Test
    @DisplayName("a verdict sent by a learner appears on the open page within a second, without a reload; names show as text")
    void live() throws Exception {
        try (TestBoard board = TestBoard.start(dir); Browser browser = Browser.open()) {
            Course course = board.course();
            ClassRoll roll = board.roll();
            String address = board.address();
            Path alice = learner("alice", address, roll, course);
            Path mallory = learner(HOSTILE, address, roll, course);
            learner("bob", address, roll, course);

            browser.driver().get(board.board().pageAddress());
            browser.waitFor(Duration.ofSeconds(10), ExpectedConditions.numberOfElementsToBe(By.cssSelector("#board tbody tr"), 3));
            browser.waitFor(Duration.ofSeconds(10), ExpectedConditions.textToBe(By.id("live"), "live"));
            browser.script("window.sameLoad = true");

            send(alice, course, Map.of(course.find("1"), new Progress.Found(Progress.Checked.PASSED, 10, null),
                    course.find("3"), new Progress.Found(Progress.Checked.FAILED, 0, "runs the two slowAdd calls at the same time")));
            // each update draws the rows anew: elements are looked up again, never kept across one
            browser.waitFor(LIVE, ExpectedConditions.attributeContains(cell("alice", "submit"), "class", "passed"));
            assertThat(browser.script("return window.sameLoad")).as("no reload").isEqualTo(true);
            assertThat(browser.driver().findElement(cell("alice", "submit")).getText()).isEqualTo("✓");
            assertThat(browser.driver().findElement(cell("alice", "async")).getAttribute("title"))
                    .isEqualTo("3 async: runs the two slowAdd calls at the same time");
            assertThat(browser.driver().findElement(cell("bob", "submit")).getAttribute("class")).isEqualTo("not-tried");

            send(mallory, course, Map.of(course.find("3"), new Progress.Found(Progress.Checked.FAILED, 0,
                    "runs the two slowAdd calls at the same time")));
            By faults = By.cssSelector("#faults li[data-step='async']");
            browser.waitFor(LIVE, ExpectedConditions.textToBePresentInElementLocated(faults, "× 2"));
            assertThat(browser.driver().findElement(faults).getText()).isEqualTo("3 async: runs the two slowAdd calls at the same time × 2");
            assertThat(browser.driver().findElement(By.cssSelector("thead tr.passed td[data-step='submit']")).getText())
                    .isEqualTo("1/3");

            List<String> names = browser.driver().findElements(By.cssSelector("#board tbody th")).stream()
                    .map(WebElement::getText).toList();
            assertThat(names).containsExactly(HOSTILE, "alice", "bob");
            assertThat(browser.driver().findElements(By.cssSelector("#board img"))).as("a name made no element").isEmpty();
            assertThat(browser.driver().getTitle()).isEqualTo("Class board");
            assertThat(browser.driver().findElement(By.id("csv")).getAttribute("href"))
                    .isEqualTo(address + "/grades.csv?code=" + roll.code());
            assertThat(browser.driver().findElement(By.id("join")).getText())
                    .isEqualTo("make join BOARD=" + address + " CODE=" + roll.code() + " NAME=your-name");

            browser.viewport(1280, 800);
            Path png = Path.of("target/class-board/board.png");
            browser.screenshot(png);
            ByteBuffer header = ByteBuffer.wrap(Files.readAllBytes(png), 16, 8);
            assertThat(List.of(header.getInt(), header.getInt())).as("width, height").containsExactly(1280, 800);
        }
    }

    private static Path learner(String name, String address, ClassRoll roll, Course course) throws Exception {
        Path kit = Files.createTempDirectory(name.replaceAll("[^a-z]", "") + "kit");
        TempKit.make(kit);
        ClassLink.join(kit, address, roll.code(), name, course);
        return kit;
    }

    /** As a check of the learner's kit does: records the verdicts, then sends the state; returns once the board took it. */
    private static void send(Path kit, Course course, Map<Exercise, Progress.Found> found) {
        Progress.State state = Progress.of(kit).record(found);
        assertThat(ClassLink.send(kit, state, course).note(Duration.ofSeconds(10))).isEmpty();
    }

    /** The cell of {@code learner} (a plain name) and {@code step}. */
    private static By cell(String learner, String step) {
        return By.cssSelector("#board tbody tr[data-learner='" + learner + "'] td[data-step='" + step + "']");
    }
}
