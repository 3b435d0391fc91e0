package futures.workshop.sandbox;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main class of a sandbox JVM: a worker that runs learner code for the checker. It reads
 * one line per job from standard input, {@code run <request-file> <outcome-file>}, runs the
 * {@link Scenario} with a {@link Run} and answers {@code done} on standard output.
 *
 * <p>After a clean run the JVM takes the next job (the learner's classes are loaded afresh each
 * time); after a hang, a flood of output or leaked threads it stops, and the checker starts a
 * new one. The learner's {@code System.exit} is trapped (see {@link LearnerLoader}) and reported
 * like any other ending; an exit that slips past the trap still writes its outcome from a
 * shutdown hook.
 */
public final class Harness {
    static final PrintStream CONTROL = new PrintStream(new FileOutputStream(FileDescriptor.out), true,
            StandardCharsets.UTF_8);
    private static volatile Run current;
    /** The answer of a JVM that halts after this job; the checker must not reuse it. */
    public static final String STOPPING = "done, stopping";

    private Harness() {}

    public static void main(String[] args) throws Exception {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        System.setOut(quiet);
        System.setErr(quiet);
        Runtime.getRuntime().addShutdownHook(new Thread(Harness::exiting, "exit-reporter"));
        BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        warmUp();
        CONTROL.println("ready");
        for (String line; (line = jobs.readLine()) != null; ) {
            String[] words = line.split(" ", 3);
            if (words.length != 3 || !words[0].equals("run")) {
                CONTROL.println("error: expected 'run <request> <outcome>', got: " + line);
                continue;
            }
            Request request;
            try (var in = new ObjectInputStream(Files.newInputStream(Path.of(words[1])))) {
                request = (Request) in.readObject();
            }
            Run run = new Run(request, Path.of(words[2]));
            current = run;
            boolean reusable = run.execute();
            current = null;
            System.setOut(quiet);
            System.setErr(quiet);
            if (!reusable) {
                stop();
            }
            CONTROL.println("done");
        }
    }

    /**
     * Runs a tiny task through a worker pool and writes a throw-away outcome, so that lambdas,
     * the pool and serialization are loaded before the first job: that cost then overlaps the
     * checker's compiling instead of adding to the learner's wait.
     */
    private static void warmUp() throws Exception {
        try (var pool = new futures.workshop.lesson.WorkerPool(1)) {
            pool.submit(() -> futures.workshop.lesson.Lesson.slowAdd(0, 1, 2)).get();
        }
        try (var out = new java.io.ObjectOutputStream(OutputStream.nullOutputStream())) {
            out.writeObject(new Outcome(Outcome.Ending.RETURNED, null, Thrown.of(new IllegalStateException("warm-up")), null,
                    null, java.util.List.of(), Outcome.Waiting.NOTHING, null, null, "", 0, futures.workshop.runtime.Recorder.global().calls(),
                    futures.workshop.runtime.Recorder.global().tasks(), 0, java.util.List.of(), -1, 0));
        }
        Thread.getAllStackTraces();
        try (var self = Harness.class.getResourceAsStream("Harness.class")) {
            LearnerLoader.rewrite(self.readAllBytes()); // loads and warms the rewriter (Harness calls halt)
        }
        futures.workshop.runtime.Recorder.global().clear();
    }

    /** The run under way, or null between runs. */
    static Run current() {
        return current;
    }

    private static void exiting() {
        Run run = current;
        if (run != null) {
            run.exitedUntrapped();
        }
    }

    /**
     * Called by a run that ended the JVM's usefulness (hang, flood, leaked threads): report and stop
     * now. The answer says so, because the checker may read it before the JVM is gone: a plain
     * "done" would send it the next job, which it would never run.
     */
    static void stop() {
        CONTROL.println(STOPPING);
        Runtime.getRuntime().halt(0);
    }
}
