package futures.workshop.checker;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.opentest4j.AssertionFailedError;

/**
 * The exercises that could not be graded (file missing, does not compile), as failed JUnit tests:
 * they have no checks to run, yet CI systems reading the XML report must see them fail. Run by
 * {@link GradeReports}, never by the kit's own test run (it has no {@code Test} suffix).
 */
@DisplayName("exercises that could not be graded")
@ExtendWith(NotGraded.Verdicts.class)
public class NotGraded {
    static final String RUN = "workshop.notGraded";
    private static final Map<String, List<Verdict>> BY_RUN = new ConcurrentHashMap<>();

    static void register(String run, List<Verdict> verdicts) {
        BY_RUN.put(run, verdicts);
    }

    static void unregister(String run) {
        BY_RUN.remove(run);
    }

    @TestFactory
    Stream<DynamicTest> exercises(List<Verdict> verdicts) {
        return verdicts.stream().map(v -> DynamicTest.dynamicTest(v.exercise().label() + ": " + v.exercise().title(), () -> {
            throw new AssertionFailedError(v.exercise().label() + ": " + v.reason());
        }));
    }

    /** Hands the test factory the verdicts registered under its run. */
    static final class Verdicts implements ParameterResolver {
        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == List.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return BY_RUN.getOrDefault(context.getConfigurationParameter(RUN).orElse(""), List.of());
        }
    }
}
