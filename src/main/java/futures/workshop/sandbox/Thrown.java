package futures.workshop.sandbox;

import java.io.Serializable;

/**
 * An exception of the learner's code, as data that crosses from the sandbox JVM to the checker:
 * its class, its message, its cause, and whether it is the stub's own "not done yet".
 *
 * @param type    the exception's class name, e.g. {@code java.lang.IllegalArgumentException}
 * @param message its message, or null
 * @param cause   what caused it, or null
 */
public record Thrown(String type, String message, Thrown cause) implements Serializable {
    /**
     * The words every stub's exception carries: {@code throw new UnsupportedOperationException("not
     * done yet: ...")}. The one place the kit recognises an untouched exercise by.
     */
    public static final String NOT_DONE_YET = "not done yet";

    public static Thrown of(Throwable t) {
        return of(t, 0);
    }

    private static Thrown of(Throwable t, int depth) {
        Throwable cause = t.getCause();
        return new Thrown(t.getClass().getName(), t.getMessage(),
                cause == null || cause == t || depth > 20 ? null : of(cause, depth + 1));
    }

    /** The stub's exception: the learner has not written this part yet. */
    public boolean notDoneYet() {
        return type.equals(UnsupportedOperationException.class.getName()) && message != null && message.contains(NOT_DONE_YET);
    }

    /** From "not done yet" on: what the stub asks for, e.g. "not done yet: submit slowFunction(5) to the pool". */
    public String whatIsNotDone() {
        return message.substring(message.indexOf(NOT_DONE_YET));
    }

    /** The class name without its package, e.g. {@code IllegalArgumentException}. */
    public String simpleType() {
        return type.substring(type.lastIndexOf('.') + 1);
    }

    public boolean is(Class<? extends Throwable> kind) {
        return type.equals(kind.getName());
    }

    /** As Java prints it: {@code java.lang.IllegalArgumentException: Called broken function}. */
    @Override
    public String toString() {
        return message == null ? type : type + ": " + message;
    }
}
