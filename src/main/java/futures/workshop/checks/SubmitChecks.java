package futures.workshop.checks;

import org.junit.jupiter.api.DisplayName;

@DisplayName("submit one slow function")
class SubmitChecks extends OneCallChecks {
    SubmitChecks() {
        super("submitSlowFunction", "slowFunction(5)", "5");
    }
}
