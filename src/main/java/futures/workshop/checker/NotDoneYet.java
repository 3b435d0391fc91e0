package futures.workshop.checker;

/**
 * The failure of a check that met the stub's "not done yet": the learner has not written that
 * part. Checks fail this way instead of with a plain AssertionError, so that the checker tells an
 * untouched exercise from a wrong one by type, not by reading the message.
 */
public final class NotDoneYet extends AssertionError {
    private static final long serialVersionUID = 1L;

    /** {@code whatIsNotDone} is the stub's own words, e.g. "not done yet: submit slowFunction(5) to the pool". */
    public NotDoneYet(String whatIsNotDone, String file) {
        super(whatIsNotDone + "\nlook at:  " + file + ": follow the TODO comments");
    }
}
