package futures.workshop.sandbox;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The learner's exercise class, seen from a {@link Scenario}: find and call its static methods. */
public final class Learner {
    private final Class<?> type;

    Learner(Class<?> type) {
        this.type = type;
    }

    public Class<?> type() {
        return type;
    }

    /** Runs {@code main(args)}; whatever it throws escapes unchanged. */
    public void main(String... args) throws Exception {
        call("main", new Class<?>[] {String[].class}, (Object) args);
    }

    /**
     * Calls the static method {@code name} with the given parameter types. Exceptions thrown by the
     * learner's code escape unwrapped, so the harness reports the learner's own exception.
     */
    public Object call(String name, Class<?>[] parameters, Object... args) throws Exception {
        Method method;
        try {
            method = type.getDeclaredMethod(name, parameters);
        } catch (NoSuchMethodException e) {
            throw new MissingMethod(type.getName() + " has no method " + name + "("
                    + Arrays.stream(parameters).map(Class::getSimpleName).collect(Collectors.joining(", "))
                    + "): keep the method the exercise gave you, with the same name and parameters");
        }
        if (!Modifier.isStatic(method.getModifiers())) {
            throw new MissingMethod(name + " must stay static, as the exercise gave it");
        }
        method.setAccessible(true);
        try {
            return method.invoke(null, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception ex) {
                throw ex;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /**
     * Prints {@code t} as {@code java} prints an exception that escaped {@code main}, with its causes,
     * but without the frames of the kit that called the learner's code: the learner sees their own
     * program's trace.
     */
    public static void printTrace(Throwable t, java.io.PrintStream err) {
        String heading = "Exception in thread \"main\" ";
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Throwable c = t; c != null && seen.add(c); c = c.getCause()) {
            err.println(heading + c);
            heading = "Caused by: ";
            for (StackTraceElement frame : c.getStackTrace()) {
                if (callerOfTheLearner(frame.getClassName())) {
                    break;
                }
                err.println("\tat " + frame);
            }
        }
    }

    private static boolean callerOfTheLearner(String className) {
        return className.startsWith("jdk.internal.reflect.") || className.startsWith("java.lang.reflect.")
                || LearnerLoader.aboveTheLibrary(className);
    }

    /** The exercise's method is missing or changed shape: reported as such, not as a crash. */
    public static final class MissingMethod extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingMethod(String message) {
            super(message);
        }
    }
}
