package futures.workshop.course;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;

/**
 * The learner's progress commands, run by make from the kit's top folder:
 *
 * <pre>
 * hint EX    the next hint of exercise EX         (make hint EX=3)
 * list       every exercise, its state and points (make list)
 * reset EX   back up the file, restore the stub   (make reset EX=3)
 * </pre>
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        int status;
        try {
            status = run(args, Path.of("").toAbsolutePath(), out, Clock.systemDefaultZone());
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            out.println(e.getMessage());
            status = 2;
        }
        out.flush();
        System.exit(status);
    }

    static int run(String[] args, Path top, PrintStream out, Clock clock) {
        String command = args.length == 0 ? "" : args[0];
        String which = args.length > 1 ? args[1].trim() : "";
        Progress progress = Progress.of(top);
        if (!Files.isDirectory(progress.exercises())) {
            throw new IllegalArgumentException("There is no folder exercises/ here: run make from the kit's top folder.");
        }
        Course course = Course.load(progress.exercises());
        switch (command) {
            case "list" -> out.print(Listing.text(Listing.rows(course, progress)));
            case "hint" -> {
                Exercise exercise = which.isEmpty() ? Listing.current(Listing.rows(course, progress)) : course.find(which);
                if (exercise == null) {
                    out.println("Every exercise is done: no hints needed. make hint EX=3 shows the hints of one exercise.");
                } else {
                    out.print(Hints.next(progress, exercise, "make hint EX=" + exercise.step()));
                }
            }
            case "reset" -> {
                if (which.isEmpty()) {
                    throw new IllegalArgumentException("make reset needs an exercise: make reset EX=3 (a number or a name; make list shows them)");
                }
                out.print(Reset.reset(progress, course.find(which), clock).text(top));
            }
            default -> throw new IllegalArgumentException("unknown command '" + command + "': try hint, list or reset");
        }
        return 0;
    }
}
