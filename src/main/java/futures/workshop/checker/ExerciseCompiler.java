package futures.workshop.checker;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles learner files in this JVM, one per call, against the kit's classes; several threads may
 * compile at once. The compiler and each thread's file manager are kept between files: the first
 * compile in a JVM costs about half a second,
 * the next ones a tenth of that.
 */
public final class ExerciseCompiler {
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    /** Idle file managers: one is not thread-safe, and a used one is faster (it has indexed the JDK). */
    private final java.util.concurrent.ConcurrentLinkedQueue<StandardJavaFileManager> idle =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final String classPath;

    public ExerciseCompiler(String classPath) {
        if (javac == null) {
            throw new IllegalStateException("This Java has no compiler: run the checker with a JDK 17 or newer, not a JRE.");
        }
        this.classPath = classPath;
    }

    /** Compiles {@code source} into a new folder below {@code outputRoot}. */
    public Compilation compile(Path source, Path outputRoot, String shownPath) {
        StandardJavaFileManager files = idle.poll();
        if (files == null) {
            files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
        try {
            return compile(files, source, outputRoot, shownPath);
        } finally {
            idle.add(files);
        }
    }

    private Compilation compile(StandardJavaFileManager files, Path source, Path outputRoot, String shownPath) {
        Path out;
        try {
            Files.createDirectories(outputRoot);
            out = Files.createTempDirectory(outputRoot, "classes-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-g", "-nowarn", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                "-d", out.toString(), "-classpath", classPath);
        JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null,
                files.getJavaFileObjects(source.toFile()));
        List<String> exits = new ArrayList<>();
        boolean ok;
        try {
            // parse, analyze, generate: syntax and type errors are both reported
            Iterable<? extends CompilationUnitTree> units = task.parse();
            task.analyze();
            ok = diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
            if (ok) {
                Trees trees = Trees.instance(task);
                for (CompilationUnitTree unit : units) {
                    new ExitFinder(trees, unit, shownPath, exits).scan(unit, null);
                }
                task.generate();
                ok = diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // javac can throw on some malformed input; report it like an error
            return new Compilation(null, List.of(shownPath + ": error: the compiler stopped: " + e), List.of());
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(format(d, source, shownPath));
            }
        }
        return new Compilation(ok ? out : null, errors, exits);
    }

    /** {@code file:line:col: error: message}, then the source line and a caret under the column. */
    static String format(Diagnostic<? extends JavaFileObject> d, Path source, String shownPath) {
        long line = d.getLineNumber();
        long col = d.getColumnNumber();
        StringBuilder out = new StringBuilder();
        out.append(shownPath);
        if (line > 0) {
            out.append(':').append(line).append(':').append(col);
        }
        out.append(": error: ").append(d.getMessage(Locale.ROOT));
        if (line > 0) {
            try {
                List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
                if (line <= lines.size()) {
                    String text = lines.get((int) line - 1);
                    out.append('\n').append(text).append('\n');
                    for (int i = 1; i < col && i <= text.length(); i++) {
                        out.append(text.charAt(i - 1) == '\t' ? '\t' : ' ');
                    }
                    out.append('^');
                }
            } catch (IOException | java.io.UncheckedIOException ignored) {
                // the message alone still says where
            }
        }
        return out.toString();
    }

    /**
     * Compiles a tiny class in memory on a background thread, so that javac's classes are loaded
     * and warm by the time the learner's file is read. Call it first thing; it never fails.
     */
    public static void warmUp() {
        Thread warm = new Thread(() -> {
            try {
                JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
                if (javac == null) {
                    return;
                }
                var source = new javax.tools.SimpleJavaFileObject(java.net.URI.create("string:///Warm.java"),
                        JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return "import java.util.concurrent.*; class Warm { Future<Integer> f(ExecutorService p) {"
                                + " return p.submit(() -> 1 + 2); } }";
                    }
                };
                JavacTask task = (JavacTask) javac.getTask(null, null, d -> { }, List.of("-proc:none"), null, List.of(source));
                task.parse();
                task.analyze();
            } catch (RuntimeException | IOException ignored) {
                // only a warm-up
            }
        }, "javac-warm-up");
        warm.setDaemon(true);
        warm.start();
    }

    /** The class path that this JVM runs with: the kit's classes and libraries. */
    public static String kitClassPath() {
        return System.getProperty("java.class.path", "");
    }

    /**
     * What learners' files compile against: only the kit's own classes (the jar or folder that
     * holds the lesson's helpers). An exercise imports nothing else, and javac looks for every
     * import in every entry, so leaving out the libraries makes each compile faster.
     */
    public static String learnerClassPath() {
        try {
            return Path.of(futures.workshop.lesson.Lesson.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toString();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return kitClassPath(); // an unusual class loader: the whole class path still works
        }
    }

    /** Finds calls that would end the JVM before the checks can finish. */
    private static final class ExitFinder extends TreePathScanner<Void, Void> {
        private final Trees trees;
        private final CompilationUnitTree unit;
        private final String shownPath;
        private final List<String> found;

        ExitFinder(Trees trees, CompilationUnitTree unit, String shownPath, List<String> found) {
            this.trees = trees;
            this.unit = unit;
            this.shownPath = shownPath;
            this.found = found;
        }

        @Override
        public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
            Element method = trees.getElement(getCurrentPath());
            if (method != null && method.getKind() == ElementKind.METHOD
                    && method.getEnclosingElement() instanceof TypeElement owner) {
                String name = owner.getQualifiedName() + "." + method.getSimpleName();
                if (name.equals("java.lang.System.exit") || name.equals("java.lang.Runtime.exit")
                        || name.equals("java.lang.Runtime.halt")) {
                    long line = unit.getLineMap().getLineNumber(trees.getSourcePositions().getStartPosition(unit, call));
                    found.add(shownPath + ":" + line + " " + method.getSimpleName() + "()");
                }
            }
            return super.visitMethodInvocation(call, unused);
        }
    }
}
