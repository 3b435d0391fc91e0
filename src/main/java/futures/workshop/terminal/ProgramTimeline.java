package futures.workshop.terminal;

import futures.workshop.checker.Compilation;
import futures.workshop.checker.ExerciseCompiler;
import futures.workshop.course.Course;
import futures.workshop.course.Exercise;
import futures.workshop.lesson.Lesson;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code make timeline EX=6 ARGS=4}: runs an exercise as a program, then draws what its workers
 * did as a worker timeline, in the terminal and as {@code target/timeline.svg}. The timeline is
 * drawn also when the program ends with {@code System.exit} or fails.
 */
public final class ProgramTimeline {
    private ProgramTimeline() {}

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.out.println("make timeline needs an exercise: make timeline EX=6 ARGS=4");
            System.exit(2);
        }
        Exercise exercise;
        try {
            exercise = Course.load(Path.of("exercises")).find(args[0]);
        } catch (IllegalArgumentException e) {
            System.out.println(e.getMessage());
            System.exit(2);
            return;
        }
        Path source = Path.of("exercises", exercise.file());
        Path work = Files.createTempDirectory("futures-workshop-timeline-");
        Compilation compiled = new ExerciseCompiler(ExerciseCompiler.learnerClassPath())
                .compile(source, work, source.toString());
        if (!compiled.ok()) {
            System.out.println(source + " does not compile, so there is nothing to draw yet:");
            compiled.errors().forEach(System.out::println);
            System.exit(1);
        }
        Thread drawer = new Thread(ProgramTimeline::draw, "timeline");
        Runtime.getRuntime().addShutdownHook(drawer); // also after System.exit in the program
        try (URLClassLoader loader = new URLClassLoader(new URL[] {compiled.classes().toUri().toURL()},
                ProgramTimeline.class.getClassLoader())) {
            Method main = loader.loadClass(exercise.className()).getMethod("main", String[].class);
            main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
        } catch (InvocationTargetException e) {
            System.out.println("The program ended with " + e.getCause() + "; here is what the workers did until then.");
        }
    }

    private static void draw() {
        System.out.println();
        Lesson.timeline();
    }
}
