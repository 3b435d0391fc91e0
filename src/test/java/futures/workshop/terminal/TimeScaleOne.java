package futures.workshop.terminal;

import futures.workshop.runtime.TimeScale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs each test at time scale 1 (fixtures are written in real seconds), then restores the property. */
final class TimeScaleOne implements BeforeEachCallback, AfterEachCallback {
    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(TimeScaleOne.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        String before = System.getProperty(TimeScale.PROPERTY);
        context.getStore(HERE).put("before", before == null ? "" : before);
        System.setProperty(TimeScale.PROPERTY, "1");
    }

    @Override
    public void afterEach(ExtensionContext context) {
        String before = context.getStore(HERE).get("before", String.class);
        if (before == null || before.isEmpty()) {
            System.clearProperty(TimeScale.PROPERTY);
        } else {
            System.setProperty(TimeScale.PROPERTY, before);
        }
    }
}
