package futures.workshop.checker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each check class the {@link Submission} it grades. The {@link Checker} registers the
 * compiled submissions under its run and their checks class before it launches JUnit, so
 * several runs (a whole class being graded) never see each other's submissions.
 */
public final class Submissions implements ParameterResolver {
    private static final Map<String, Submission> BY_CHECKS = new ConcurrentHashMap<>();
    private static final Map<String, Group> GROUPS = new ConcurrentHashMap<>();

    /**
     * The submissions a checks class grades all at once in a run: those whose exercises declare
     * their checks in info.toml, or all of them for their last check ({@link LeftRunning}).
     */
    public record Group(List<Submission> submissions) {}

    /** The configuration parameter that tells the resolver which checker run a check belongs to. */
    static final String RUN = "workshop.run";

    static void register(String run, String checksClass, Submission submission) {
        BY_CHECKS.put(run + "/" + checksClass, submission);
    }

    static void unregister(String run, String checksClass) {
        BY_CHECKS.remove(run + "/" + checksClass);
    }

    static void registerGroup(String run, List<Submission> submissions) {
        GROUPS.put(run, new Group(List.copyOf(submissions)));
    }

    static void unregisterGroup(String run) {
        GROUPS.remove(run);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Submission.class || type == Group.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String checks = context.getRequiredTestClass().getName();
        String run = context.getConfigurationParameter(RUN).orElse("");
        if (parameter.getParameter().getType() == Group.class) {
            return GROUPS.getOrDefault(run, new Group(List.of()));
        }
        Submission submission = BY_CHECKS.get(run + "/" + checks);
        if (submission == null) {
            throw new ParameterResolutionException("no submission registered for " + checks
                    + ": run checks through the Checker (make check), not on their own");
        }
        return submission;
    }
}
