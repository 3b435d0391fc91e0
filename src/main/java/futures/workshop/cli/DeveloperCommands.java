package futures.workshop.cli;

import futures.workshop.bench.Bench;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** What people who change the kit itself type: {@code make bench}. */
final class DeveloperCommands {
    private DeveloperCommands() {}

    static List<Object> all(Kit.Context kit) {
        return List.of(new BenchCommand());
    }

    @Command(name = "bench", description = "Prints the kit's benchmark ratios, each with its target (run in the kit's top folder).")
    static final class BenchCommand implements Callable<Integer> {
        @Parameters(paramLabel = "BENCH", description = "the measures to run, all when none: make bench BENCH=P2")
        List<String> measures = List.of();

        @Override
        public Integer call() {
            Bench.run(measures);
            return 0;
        }
    }
}
