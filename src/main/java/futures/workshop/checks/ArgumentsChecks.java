package futures.workshop.checks;

import org.junit.jupiter.api.DisplayName;

@DisplayName("a function of several arguments")
class ArgumentsChecks extends OneCallChecks {
    ArgumentsChecks() {
        super("submitSlowAdd", "slowAdd(1, 6, 7)", "13");
    }
}
