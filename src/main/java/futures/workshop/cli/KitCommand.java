package futures.workshop.cli;

import java.util.concurrent.Callable;

/** A command of the kit's program: it knows the kit's top folder and where to print. */
abstract class KitCommand implements Callable<Integer> {
    protected final Kit.Context kit;

    KitCommand(Kit.Context kit) {
        this.kit = kit;
    }
}
