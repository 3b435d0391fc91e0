package futures.workshop.checks;

import futures.workshop.sandbox.Thrown;
import java.io.Serializable;

/**
 * What one of the learner's methods did when a check called it with a time bound: returned a
 * value, threw, or was still blocked. Made in the sandbox JVM, read by the checks.
 *
 * @param kind   how the call ended
 * @param value  what it returned, as text (when it returned)
 * @param thrown what it threw (when it threw), or the exception it returned (when it returned one)
 */
record Answer(Kind kind, String value, Thrown thrown) implements Serializable {
    enum Kind { RETURNED, THREW, BLOCKED }

    static final Answer BLOCKED = new Answer(Kind.BLOCKED, null, null);

    static Answer returned(Object value) {
        return new Answer(Kind.RETURNED, String.valueOf(value), value instanceof Throwable t ? Thrown.of(t) : null);
    }

    /** It returned an exception of this type (Python's exception() answers with one). */
    boolean returnedA(Class<? extends Throwable> type) {
        return kind == Kind.RETURNED && thrown != null && thrown.is(type);
    }

    static Answer threw(Throwable t) {
        return new Answer(Kind.THREW, null, Thrown.of(t));
    }

    boolean notDoneYet() {
        return kind == Kind.THREW && thrown.notDoneYet();
    }

    boolean blocked() {
        return kind == Kind.BLOCKED;
    }

    boolean threw(Class<? extends Throwable> type) {
        return kind == Kind.THREW && thrown.is(type);
    }

    /** What a learner reads: "returned: true", "threw: java.lang.IllegalStateException: not finished", "blocked". */
    @Override
    public String toString() {
        return switch (kind) {
            case RETURNED -> "returned: " + value;
            case THREW -> "threw: " + thrown;
            case BLOCKED -> "blocked";
        };
    }
}
