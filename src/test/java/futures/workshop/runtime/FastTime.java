package futures.workshop.runtime;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs a test class with the lesson's seconds a thousand times shorter ("5 seconds" take 5 ms),
 * whatever {@code -Dworkshop.timeScale} was given, and puts the old value back afterwards.
 * Use with {@code @ExtendWith(FastTime.class)}.
 */
public final class FastTime implements BeforeAllCallback, AfterAllCallback {
    /** The factor the tests run with. */
    public static final double FACTOR = 0.001;

    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(FastTime.class);
    private static final String UNSET = "";

    @Override
    public void beforeAll(ExtensionContext context) {
        String before = System.getProperty(TimeScale.PROPERTY);
        context.getStore(HERE).put(TimeScale.PROPERTY, before == null ? UNSET : before);
        System.setProperty(TimeScale.PROPERTY, Double.toString(FACTOR));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String before = context.getStore(HERE).get(TimeScale.PROPERTY, String.class);
        if (before == null || before.equals(UNSET)) {
            System.clearProperty(TimeScale.PROPERTY);
        } else {
            System.setProperty(TimeScale.PROPERTY, before);
        }
    }
}
