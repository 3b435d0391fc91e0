package futures.workshop.sandbox;

import java.io.Serializable;

/**
 * One thing a check wants done with the learner's code, run inside a child JVM by the
 * {@link Harness}: call a method with a prepared pool, run {@code main} with some arguments...
 * Implementations are small records, sent to the child by serialization.
 */
@FunctionalInterface
public interface Scenario extends Serializable {
    /** Runs on the child's main thread; the value returned must be serializable (or null). */
    Serializable run(Learner learner) throws Exception;
}
