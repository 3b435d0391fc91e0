package futures.workshop.sandbox;

import futures.workshop.runtime.TimeScale;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Runs learner code in separate JVMs, so that whatever the code does (spin, exit, leak threads)
 * the checker survives and can say what happened. It keeps a few sandbox JVMs started ahead of
 * need, so their start-up overlaps the compiling, and reuses one after a clean run: a pool of
 * workers, like the lesson's.
 */
public final class Sandbox implements AutoCloseable {
    /**
     * The processors every sandbox JVM claims, whatever the machine has: learner code sees the same
     * machine everywhere, and a default pool (one worker per processor) differs from a hard-coded 2.
     */
    public static final int PROCESSORS = 3;
    /** Lesson seconds become this many real seconds inside checks: "5 seconds" take 50 ms. */
    public static final double TIME_SCALE = 0.01;
    /**
     * Beyond the harness's own time limit, how long to wait before killing the sandbox. The harness
     * reports a hang itself at the limit; this margin only covers a sandbox starved of CPU, where 3 s
     * once cost a correct solution its verdict (load 40 on two cores).
     */
    private static final long KILL_MARGIN_MS = 10_000;
    /** How long a run waits for a busy sandbox JVM before it starts one more. */
    private static final long WAIT_FOR_IDLE_MS = 300;
    /** How long a sandbox JVM may take to start, on a very busy machine, before it counts as broken. */
    private static final long STARTUP_LIMIT_MS = 60_000;

    private static final boolean DEBUG = System.getenv("WORKSHOP_DEBUG") != null;
    private static final long STARTED = System.nanoTime();

    /** A class archive for sandbox JVMs (see the Makefile); used when the file exists. */
    static final String ARCHIVE = "workshop.sandbox.archive";
    /** Set while the Makefile trains the archive: the first sandbox JVM writes it when it ends. */
    static final String ARCHIVE_DUMP = "workshop.sandbox.archiveDump";

    private final String classPath;
    private boolean dumping = System.getProperty(ARCHIVE_DUMP) != null;
    private final Path workDir;
    private final Confinement confinement;
    private final int warm;
    private final BlockingQueue<Child> idle = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    /** Keeps {@code warm} sandbox JVMs ready; they start now, in the background. */
    public Sandbox(String classPath, Path workDir, int warm) {
        this(classPath, workDir, warm, Confinement.STAGE_ONLY);
    }

    /** {@link #Sandbox(String, Path, int)} with learner code kept to {@code confinement}. */
    public Sandbox(String classPath, Path workDir, int warm, Confinement confinement) {
        this.confinement = confinement;
        this.classPath = absolute(classPath); // the JVMs work in stages of their own
        this.workDir = workDir;
        this.warm = warm;
        for (int i = 0; i < warm; i++) {
            idle.add(start(List.of()));
        }
    }

    /**
     * Runs the request in a sandbox JVM. With {@code jvmOptions} (say
     * {@code -XX:ActiveProcessorCount=3}) the run gets a JVM of its own; otherwise a warm one.
     */
    public Outcome run(Request request, List<String> jvmOptions) {
        return run(request, jvmOptions, null);
    }

    /**
     * {@link #run(Request, List)} in a copy of the learner's folder: the JVM's working directory
     * is a stage of its own, into which {@code learnerFolder} is copied as {@code exercises/}
     * before the run and which is emptied after it. Learner code that writes or deletes files by
     * relative paths, as a program run with {@code make run} would, changes only that copy.
     */
    public Outcome run(Request request, List<String> jvmOptions, Path learnerFolder) {
        long begin = System.nanoTime();
        Child child = jvmOptions.isEmpty() ? takeWarm() : start(jvmOptions);
        try {
            child.fill(learnerFolder);
            Path dir = Files.createTempDirectory(child.runs(), "run-");
            Path requestFile = dir.resolve("request.bin");
            Path outcomeFile = dir.resolve("outcome.bin");
            try (var out = new ObjectOutputStream(Files.newOutputStream(requestFile))) {
                out.writeObject(request);
            }
            String answer = child.send("run " + requestFile + " " + outcomeFile, request.timeLimitMs() + KILL_MARGIN_MS);
            boolean reusable = "done".equals(answer) && child.alive(); // not Harness.STOPPING
            if (reusable && jvmOptions.isEmpty() && !closed) {
                child.empty(); // the next run, maybe another learner's, finds nothing of this one
                idle.add(child);
            } else {
                child.kill();
                if (jvmOptions.isEmpty() && !closed) {
                    idle.add(start(List.of())); // a replacement warms up while the results are read
                }
            }
            Outcome outcome = Files.exists(outcomeFile) ? read(outcomeFile) : null;
            if (outcome == null) {
                outcome = died(request, child, answer);
            } else if (outcome.ending() == Outcome.Ending.EXITED && outcome.exitStatus() < 0) { // past the trap
                outcome = outcome.withExitStatus(child.exitStatus());
            }
            if (!child.alive()) {
                Folders.deleteQuietly(child.dir);
            } else {
                Folders.deleteQuietly(dir);
            }
            if (DEBUG) { // a trace may hold every thread's stack: not built for nothing
                debug("ran %s %s -> %s in %d ms%s", request.scenario(), jvmOptions, outcome.ending(),
                        (System.nanoTime() - begin) / 1_000_000, outcome.why() == null ? "" : ": " + outcome.why()
                                + (outcome.trace() == null ? "" : " | " + outcome.trace().replace('\n', ' ')));
            }
            return outcome;
        } catch (IOException e) {
            child.kill();
            throw new UncheckedIOException(e);
        }
    }

    private static Outcome died(Request request, Child child, String answer) {
        boolean killed = answer == null;
        String why = killed
                ? "did not stop within " + (request.timeLimitMs() + KILL_MARGIN_MS) / 1000.0 + " s and was killed"
                : "stopped the JVM with status " + child.exitStatus() + " before the checks could finish"
                        + " (Runtime.halt, or a crash)";
        String jvm = child.errors();
        return new Outcome(killed ? Outcome.Ending.KILLED : Outcome.Ending.DIED, null, null, null, why, List.of(),
                Outcome.Waiting.NOTHING, null,
                jvm.isEmpty() ? null : jvm, "", 0, List.of(), List.of(), 0, List.of(), child.exitStatus(), -1);
    }

    /** With WORKSHOP_DEBUG set, says where the checker's time goes. */
    public static void debug(String format, Object... args) {
        if (DEBUG) {
            System.err.printf("[checker %6d ms] %s%n", (System.nanoTime() - STARTED) / 1_000_000, String.format(format, args));
        }
    }

    /**
     * An idle sandbox JVM. When all are busy it waits a little for one to come back, since most
     * runs take tens of milliseconds and a new JVM costs hundreds of CPU milliseconds; only a
     * longer wait (a hang, say) is worth another JVM.
     */
    private Child takeWarm() {
        try {
            for (Child child; (child = idle.poll(WAIT_FOR_IDLE_MS, TimeUnit.MILLISECONDS)) != null; ) {
                if (child.alive()) {
                    return child;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return start(List.of());
    }

    private Path directory() throws IOException {
        return Files.createDirectories(workDir);
    }

    private Child start(List<String> jvmOptions) {
        debug("starting a sandbox JVM %s", jvmOptions);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // C1 only, small heap, no perf file: a sandbox lives for seconds
        command.addAll(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:ActiveProcessorCount=" + PROCESSORS,
                "-XX:-UsePerfData", "-Xmx256m", "-D" + TimeScale.PROPERTY + "=" + TIME_SCALE));
        command.addAll(archiveOptions());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, Harness.class.getName()));
        try {
            Path dir = Files.createTempDirectory(directory(), "jvm-");
            Path stage = Files.createDirectories(dir.resolve("stage"));
            Files.createDirectories(dir.resolve("runs"));
            Path errors = dir.resolve("jvm-errors.txt");
            Process process = new ProcessBuilder(confinement.wrap(command, dir, stage))
                    .directory(stage.toFile())
                    .redirectError(errors.toFile())
                    .start();
            return new Child(process, dir, errors);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for the learner's code: " + e.getMessage(), e);
        }
    }

    /** Each entry of a class path made absolute. */
    private static String absolute(String classPath) {
        List<String> entries = new ArrayList<>();
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            if (!entry.isEmpty()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize().toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    /** Class-archive flags: JDK 17-24 take an AppCDS archive, JDK 25 and later an AOT cache. */
    private synchronized List<String> archiveOptions() {
        boolean aot = Runtime.version().feature() >= 25;
        if (dumping) {
            dumping = false; // one JVM writes the archive; the others must not race it
            String file = Path.of(System.getProperty(ARCHIVE_DUMP)).toAbsolutePath().toString();
            return List.of(aot ? "-XX:AOTCacheOutput=" + file : "-XX:ArchiveClassesAtExit=" + file);
        }
        String file = System.getProperty(ARCHIVE) == null ? null : Path.of(System.getProperty(ARCHIVE)).toAbsolutePath().toString();
        if (file != null && Files.isRegularFile(Path.of(file))) {
            return List.of(aot ? "-XX:AOTCache=" + file : "-XX:SharedArchiveFile=" + file);
        }
        return List.of();
    }

    /** Lets idle sandbox JVMs end normally (so one in training can write its archive), then stops them. */
    @Override
    public void close() {
        closed = true;
        List<Child> children = new ArrayList<>();
        for (Child child; (child = idle.poll()) != null; ) {
            children.add(child);
            child.endInput();
        }
        children.forEach(Child::awaitEnd);
    }

    /**
     * One sandbox JVM and the line-by-line conversation with it, with a folder of its own:
     * {@code stage/}, its working directory, and {@code runs/}, where requests and outcomes pass.
     */
    private static final class Child {
        private final Process process;
        final Path dir;
        private final Path errors;
        private final Writer jobs;
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        /** Opens when the JVM says "ready" (or ends): its start-up is not the learner's time. */
        private final CountDownLatch started = new CountDownLatch(1);

        Child(Process process, Path dir, Path errors) {
            this.process = process;
            this.dir = dir;
            this.errors = errors;
            this.jobs = process.outputWriter(StandardCharsets.UTF_8);
            Thread reader = new Thread(this::readAnswers, "sandbox-" + process.pid());
            reader.setDaemon(true);
            reader.start();
        }

        private void readAnswers() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        started.countDown();
                    } else {
                        answers.add(line);
                    }
                }
            } catch (IOException ignored) {
                // the JVM is gone; the end-of-answers marker below says so
            }
            answers.add("");
            started.countDown();
        }

        /**
         * Sends a job and waits for the answer: "done", {@link Harness#STOPPING} when the JVM halts
         * after it, "" when the JVM ended, null on time-out.
         */
        String send(String job, long timeoutMs) {
            try {
                jobs.write(job + "\n");
                jobs.flush();
            } catch (IOException e) {
                return "";
            }
            try {
                // the time limit starts once the JVM is up: on a busy machine a start can take seconds
                if (!started.await(STARTUP_LIMIT_MS, TimeUnit.MILLISECONDS)) {
                    return null;
                }
                String answer = answers.poll(timeoutMs, TimeUnit.MILLISECONDS);
                if ("".equals(answer)) {
                    process.waitFor(2, TimeUnit.SECONDS);
                }
                return answer;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        boolean alive() {
            return process.isAlive();
        }

        Path runs() {
            return dir.resolve("runs");
        }

        /**
         * Copies {@code learnerFolder} (when not null) into the stage as {@code exercises/}. The
         * stage is empty: made so, and emptied after every run of a JVM that is used again.
         */
        void fill(Path learnerFolder) throws IOException {
            if (learnerFolder != null && Files.isDirectory(learnerFolder)) {
                Folders.copy(learnerFolder, dir.resolve("stage").resolve("exercises"), p -> true);
            }
        }

        void empty() throws IOException {
            try (var entries = Files.list(dir.resolve("stage"))) {
                for (Path entry : entries.toList()) {
                    Folders.deleteQuietly(entry);
                }
            }
        }

        int exitStatus() {
            return process.isAlive() ? -1 : process.exitValue();
        }

        String errors() {
            try {
                return Files.readString(errors, StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "";
            }
        }

        void endInput() {
            try {
                jobs.close();
            } catch (IOException ignored) {
                // already gone
            }
        }

        void awaitEnd() {
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) { // one may be writing its class archive
                    kill();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
            }
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            try {
                process.waitFor(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Outcome read(Path file) throws IOException {
        try (var in = new ObjectInputStream(Files.newInputStream(file))) {
            return (Outcome) in.readObject();
        } catch (ClassNotFoundException e) {
            throw new IOException(e);
        }
    }

}
