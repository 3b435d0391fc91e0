package futures.workshop.instructor;

import futures.workshop.course.Course;
import futures.workshop.course.TempKit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A class board on loopback over an instructor's kit in a temporary folder, as
 * {@code make class-board} starts it, on a free port.
 */
record TestBoard(Course course, Path state, ClassRoll roll, ClassBoard board) implements AutoCloseable {

    /** The board of a new kit in {@code dir}/instructor, its class kept where make class-board keeps it. */
    static TestBoard start(Path dir) throws IOException {
        Path instructor = dir.resolve("instructor");
        Course course = TempKit.make(instructor);
        Path state = ClassBoard.stateFile(instructor, null);
        ClassRoll roll = ClassRoll.open(state, course, false, Clock.systemUTC());
        ClassBoard board = ClassBoard.start(roll, "127.0.0.1", 0, ClassBoard.Limits.CLASSROOM,
                new PrintStream(new ByteArrayOutputStream()));
        return new TestBoard(course, state, roll, board);
    }

    /** What learners give as BOARD=. */
    String address() {
        return "http://127.0.0.1:" + board.port();
    }

    @Override
    public void close() {
        board.close();
    }
}
