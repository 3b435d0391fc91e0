package futures.workshop.sandbox;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * Compiles learner files in this JVM against the kit's classes; several threads may compile at
 * once. The compiler and each thread's file manager are kept between files: the first compile in
 * a JVM costs about half a second, the next ones a tenth of that. {@link #compileAll} compiles a
 * learner's files in one go, which shares javac's reading of the JDK between them.
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

    /** Compiles {@code source} on its own into a new folder below {@code outputRoot}. */
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

    /**
     * Compiles several files together, into one new folder below {@code outputRoot}, where that
     * gives what compiling each on its own would: the file compiles, and it names no class that
     * another file declares (alone, it could not see it). One entry per file; null for a file
     * that must be compiled on its own, for its own verdict and messages. A file that fails takes
     * only itself out: the others are compiled together again without it.
     */
    public List<Compilation> compileAll(List<Path> sources, Path outputRoot, List<String> shownPaths) {
        StandardJavaFileManager files = idle.poll();
        if (files == null) {
            files = javac.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        }
        try {
            Compilation[] compiled = new Compilation[sources.size()];
            List<Integer> trying = new ArrayList<>();
            for (int i = 0; i < sources.size(); i++) {
                trying.add(i);
            }
            // at most three tries: syntax errors and borrowed names show first, then type errors
            for (int attempt = 0; attempt < 3 && trying.size() > 1; attempt++) {
                Set<Integer> failed = compileAll(files, trying, sources, outputRoot, shownPaths, compiled);
                if (failed.isEmpty()) {
                    break;
                }
                trying.removeAll(failed);
            }
            return java.util.Arrays.asList(compiled);
        } finally {
            idle.add(files);
        }
    }

    private Compilation compile(StandardJavaFileManager files, Path source, Path outputRoot, String shownPath) {
        Path out = newFolder(outputRoot);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = task(files, List.of(source), out, diagnostics);
        List<String> exits = new ArrayList<>();
        boolean ok;
        Compilation.Shape shape = Compilation.Shape.UNKNOWN;
        try {
            // parse, analyze, generate: syntax and type errors are both reported
            Iterable<? extends CompilationUnitTree> units = task.parse();
            for (CompilationUnitTree unit : units) {
                shape = shape(unit);
            }
            task.analyze();
            ok = noErrors(diagnostics);
            if (ok) {
                Trees trees = Trees.instance(task);
                for (CompilationUnitTree unit : units) {
                    new ExitFinder(trees, unit, shownPath, exits).scan(unit, null);
                }
                task.generate();
                ok = noErrors(diagnostics);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // javac can throw on some malformed input; report it like an error
            return new Compilation(null, List.of(shownPath + ": error: the compiler stopped: " + e), List.of(),
                    Compilation.Shape.UNKNOWN);
        }
        List<String> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                errors.add(format(d, source, shownPath));
            }
        }
        return new Compilation(ok ? out : null, errors, exits, shape);
    }

    /**
     * One joint compile of the files at {@code which}; on success fills their entries of
     * {@code compiled} and returns no file. Otherwise nothing is filled, and it returns the files
     * to leave out, which is all of them when it cannot tell.
     */
    private Set<Integer> compileAll(StandardJavaFileManager files, List<Integer> which, List<Path> sources,
                                    Path outputRoot, List<String> shownPaths, Compilation[] compiled) {
        Path out = newFolder(outputRoot);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavacTask task = task(files, which.stream().map(sources::get).toList(), out, diagnostics);
        Set<Integer> all = new HashSet<>(which);
        try {
            List<CompilationUnitTree> units = new ArrayList<>();
            task.parse().forEach(units::add);
            if (units.size() != which.size()) {
                return all;
            }
            Set<Integer> failed = new HashSet<>();
            for (int i : namingAnother(units)) {
                failed.add(which.get(i));
            }
            if (noErrors(diagnostics) && failed.isEmpty()) {
                task.analyze();
            }
            if (!noErrors(diagnostics) || !failed.isEmpty()) {
                for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                    if (d.getKind() == Diagnostic.Kind.ERROR) {
                        int at = d.getSource() == null ? -1 : indexOf(units, d.getSource());
                        if (at < 0) {
                            return all;
                        }
                        failed.add(which.get(at));
                    }
                }
                Folders.deleteQuietly(out);
                return failed;
            }
            Trees trees = Trees.instance(task);
            List<List<String>> exits = new ArrayList<>();
            for (int i = 0; i < units.size(); i++) {
                List<String> found = new ArrayList<>();
                new ExitFinder(trees, units.get(i), shownPaths.get(which.get(i)), found).scan(units.get(i), null);
                exits.add(found);
            }
            task.generate();
            if (!noErrors(diagnostics)) {
                return all;
            }
            for (int i = 0; i < units.size(); i++) {
                compiled[which.get(i)] = new Compilation(out, List.of(), exits.get(i), shape(units.get(i)));
            }
            return Set.of();
        } catch (IOException | RuntimeException e) {
            return all; // each file on its own will say what is wrong
        }
    }

    /** The package and top-level types a file declares. */
    private static Compilation.Shape shape(CompilationUnitTree unit) {
        List<String> types = new ArrayList<>();
        for (Tree type : unit.getTypeDecls()) {
            if (type instanceof ClassTree c && !c.getSimpleName().isEmpty()) {
                types.add(c.getSimpleName().toString());
            }
        }
        return new Compilation.Shape(unit.getPackageName() == null ? null : unit.getPackageName().toString(), List.copyOf(types));
    }

    private static int indexOf(List<CompilationUnitTree> units, JavaFileObject source) {
        for (int i = 0; i < units.size(); i++) {
            if (units.get(i).getSourceFile().equals(source) || units.get(i).getSourceFile().toUri().equals(source.toUri())) {
                return i;
            }
        }
        return -1;
    }

    private JavacTask task(StandardJavaFileManager files, List<Path> sources, Path out,
                           DiagnosticCollector<JavaFileObject> diagnostics) {
        List<String> options = List.of("-g", "-nowarn", "-proc:none", "-implicit:none", "-encoding", "UTF-8",
                "-d", out.toString(), "-classpath", classPath);
        return (JavacTask) javac.getTask(null, files, diagnostics, options, null,
                files.getJavaFileObjects(sources.stream().map(Path::toFile).toArray(java.io.File[]::new)));
    }

    private static Path newFolder(Path outputRoot) {
        try {
            Files.createDirectories(outputRoot);
            return Files.createTempDirectory(outputRoot, "classes-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean noErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream().noneMatch(d -> d.getKind() == Diagnostic.Kind.ERROR);
    }

    /**
     * The files that use a name another file declares as a class: compiled together, such a file
     * would see that class; compiled alone (make check EX=n), it would not. Names, not meanings,
     * so it may name a file too often, which only sends that file down the slower path.
     */
    private static List<Integer> namingAnother(List<CompilationUnitTree> units) {
        List<Set<String>> declared = new ArrayList<>();
        for (CompilationUnitTree unit : units) {
            Set<String> names = new HashSet<>();
            for (Tree type : unit.getTypeDecls()) {
                if (type instanceof ClassTree c) {
                    names.add(c.getSimpleName().toString());
                }
            }
            declared.add(names);
        }
        List<Integer> naming = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            Set<String> others = new HashSet<>();
            for (int j = 0; j < units.size(); j++) {
                if (j != i) {
                    others.addAll(declared.get(j));
                }
            }
            boolean[] found = {false};
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitIdentifier(IdentifierTree id, Void unused) {
                    found[0] |= others.contains(id.getName().toString());
                    return null;
                }

                @Override
                public Void visitMemberSelect(MemberSelectTree select, Void unused) {
                    found[0] |= others.contains(select.getIdentifier().toString());
                    return super.visitMemberSelect(select, unused);
                }
            }.scan(units.get(i), null);
            if (found[0]) {
                naming.add(i);
            }
        }
        return naming;
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

    /** The class path that this JVM runs with: the kit's classes and libraries. */
    public static String kitClassPath() {
        // JShell's engine sees the libraries through an agent jar (see the Makefile), so its own
        // class path holds only the kit's classes: make jshell names the whole path here
        return System.getProperty(CLASS_PATH, System.getProperty("java.class.path", ""));
    }

    /** The kit's whole class path, where the JVM's own is not (JShell's engine). */
    public static final String CLASS_PATH = "workshop.classPath";

    /**
     * What learners' files compile against: the learner's library alone ({@code target/library},
     * which the build makes beside the kit's classes), so that an exercise cannot reach the grader
     * and javac has little to look through. In an unusual layout, the kit's own classes.
     */
    public static String learnerClassPath() {
        try {
            Path kit = Path.of(futures.workshop.lesson.Lesson.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path library = kit.resolveSibling("library");
            if (Files.isRegularFile(library.resolve("futures/workshop/lesson/Lesson.class"))) {
                return library.toString();
            }
            return kit.toString();
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
