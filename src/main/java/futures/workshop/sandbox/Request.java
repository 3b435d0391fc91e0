package futures.workshop.sandbox;

import java.io.Serializable;

/**
 * What the checker asks a child JVM to do.
 *
 * @param classes     folder of the learner's compiled classes
 * @param className   the learner's class, e.g. {@code ApplyAsync}
 * @param scenario    what to do with it
 * @param timeLimitMs real milliseconds before the harness gives up and reports where it is stuck
 * @param rendezvous  when above 1, slow calls wait (up to {@code rendezvousCapMs}) until this many
 *                    run at once, the first time only: proof of parallelism that a busy machine
 *                    cannot break
 * @param rendezvousCapMs how long a slow call may wait for the others
 */
public record Request(String classes, String className, Scenario scenario, long timeLimitMs, int rendezvous,
                      long rendezvousCapMs) implements Serializable {
}
