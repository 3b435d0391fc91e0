package futures.workshop.sandbox;

import java.nio.file.Path;
import java.util.List;

/**
 * A learner's file as a program run in this JVM, for {@code make run}, {@code make timeline} and
 * {@code make demo}: compiled against the learner's library, loaded with only that library of the
 * kit visible, then called through {@link Learner}. The checker runs the same compiled classes in
 * a child JVM instead ({@link Sandbox}), where a hang or an exit cannot take it down; here the
 * program's {@code System.exit} ends this JVM, as it would end the program.
 */
public final class LearnerProgram {
    private final Compilation compiled;
    private final String className;

    private LearnerProgram(Compilation compiled, String className) {
        this.compiled = compiled;
        this.className = className;
    }

    /** The file does not compile: {@link #errors()} says why, as {@code make check} shows it. */
    public static final class NotCompiled extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient List<String> errors;

        NotCompiled(String shown, List<String> errors) {
            super(shown + " does not compile");
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /**
     * Compiles {@code source} (shown to the learner as {@code shown}) into a new folder below
     * {@code work}; its class is {@code className}.
     */
    public static LearnerProgram compile(Path source, String shown, String className, Path work) throws NotCompiled {
        Compilation compiled = new ExerciseCompiler(ExerciseCompiler.learnerClassPath()).compile(source, work, shown);
        if (!compiled.ok()) {
            throw new NotCompiled(shown, compiled.errors());
        }
        return new LearnerProgram(compiled, className);
    }

    /** Loads the program's class afresh, with the kit above the learner's library out of sight. */
    public Learner load() throws ClassNotFoundException {
        LearnerLoader loader = new LearnerLoader(compiled.classes(), LearnerProgram.class.getClassLoader());
        return new Learner(Class.forName(className, true, loader));
    }
}
