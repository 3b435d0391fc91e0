package futures.workshop.sandbox;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Where learner code may reach, beyond its JVM's stage. Without a sandbox program, everything
 * the kit's own user may reach: the stage keeps files written by relative paths to a copy, and
 * that is all ({@link #partial}). With bubblewrap (Linux), each sandbox JVM sees the whole
 * machine read-only, its own folder (stage and runs) writable, the {@code hidden} folders empty
 * (other learners' folders, the grade sheet), and no network.
 *
 * @param bwrap  the bubblewrap program, or null
 * @param hidden folders learner code must not see
 * @param why    when there is no sandbox program, why, in a line for the instructor
 */
public record Confinement(Path bwrap, List<Path> hidden, String why) {
    /** Learner code runs as the kit's user, in its stage: the learner's own {@code make check}. */
    public static final Confinement STAGE_ONLY = new Confinement(null, List.of(), null);

    public static Confinement partial(String why) {
        return new Confinement(null, List.of(), why);
    }

    /** bubblewrap at {@code bwrap}, if it works on this machine (user namespaces may be off); else partial. */
    public static Confinement bubblewrap(Path bwrap) {
        try {
            Process probe = new ProcessBuilder(bwrap.toString(), "--ro-bind", "/", "/", "--unshare-net", "--die-with-parent", "true")
                    .redirectErrorStream(true).start();
            String said = new String(probe.getInputStream().readAllBytes()).strip();
            if (!probe.waitFor(30, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                probe.destroyForcibly();
                return partial("bubblewrap cannot make a sandbox on this machine (" + (said.isEmpty() ? "it failed" : said.lines()
                        .findFirst().orElse("")) + "); user namespaces may be turned off");
            }
        } catch (IOException e) {
            return partial("bubblewrap could not start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return partial("interrupted while trying bubblewrap");
        }
        return new Confinement(bwrap, List.of(), null);
    }

    public boolean sandboxed() {
        return bwrap != null;
    }

    /** The same, with {@code folder} hidden too (created, so that there is something to hide). */
    public Confinement hiding(Path folder) {
        if (bwrap == null) {
            return this;
        }
        try {
            java.nio.file.Files.createDirectories(folder);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<Path> more = new ArrayList<>(hidden);
        more.add(folder);
        return new Confinement(bwrap, List.copyOf(more), why);
    }

    /** What the instructor is told about it, in a sentence. */
    public String describe() {
        return bwrap != null
                ? "Learner code ran in bubblewrap: the machine read-only, each run's own copy of its learner's folder"
                        + " writable, the other learners' folders and the grade sheet hidden, no network."
                : "Isolation is partial: " + (why == null ? "learner code ran without a sandbox" : why)
                        + "; learner code could read or change other files of yours.";
    }

    /**
     * {@code java} inside the sandbox: everything read-only, {@code own} (the JVM's folder, which
     * holds its stage) writable, {@code stage} its working directory, the hidden folders empty,
     * no network. Without bubblewrap, {@code java} as it is.
     */
    List<String> wrap(List<String> java, Path own, Path stage) {
        if (bwrap == null) {
            return java;
        }
        List<String> command = new ArrayList<>(List.of(bwrap.toString(), "--ro-bind", "/", "/"));
        for (Path h : hidden) { // an empty folder in its place, read-only: nothing to find, nowhere to write
            String path = h.toAbsolutePath().normalize().toString();
            command.addAll(List.of("--tmpfs", path, "--remount-ro", path));
        }
        String dir = own.toAbsolutePath().normalize().toString();
        // No --die-with-parent: it ties the JVM's life to the thread that started it, and the kit
        // starts sandbox JVMs from worker threads that come and go (a JVM died with 137 when its
        // starting thread ended). The harness ends by itself when the kit's end of its pipe closes.
        command.addAll(List.of("--bind", dir, dir, "--dev", "/dev", "--unshare-net",
                "--chdir", stage.toAbsolutePath().normalize().toString(), "--"));
        command.addAll(java);
        return command;
    }
}
