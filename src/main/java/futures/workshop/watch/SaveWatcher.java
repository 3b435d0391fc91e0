package futures.workshop.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Says when a {@code .java} file below a folder has been saved: a {@link WatchService} on the
 * folder and each of its subfolders (the exercises' folders), with editors' bursts of writes
 * (truncate then write, write to a temporary file then rename) folded into one call once the
 * file has been quiet for a moment. The callback runs on this watcher's own daemon thread.
 */
final class SaveWatcher implements AutoCloseable {
    private final Path root;
    private final long quietMillis;
    private final Consumer<Path> onSaved;
    private final WatchService service;
    private final Map<WatchKey, Path> folders = new HashMap<>();
    private final Map<Path, ScheduledFuture<?>> pending = new HashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "watch-debounce"));
    private final Thread thread;

    /** Starts watching {@code root} and its subfolders now. */
    SaveWatcher(Path root, long quietMillis, Consumer<Path> onSaved) {
        this.root = root;
        this.quietMillis = quietMillis;
        this.onSaved = onSaved;
        try {
            this.service = FileSystems.getDefault().newWatchService();
            register(root);
            try (Stream<Path> children = Files.list(root)) {
                for (Path child : (Iterable<Path>) children::iterator) {
                    if (Files.isDirectory(child)) {
                        register(child);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + root + ": " + e.getMessage(), e);
        }
        this.thread = daemon(this::loop, "watch-files");
        thread.start();
    }

    private void register(Path folder) throws IOException {
        WatchKey key = folder.register(service, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
        synchronized (folders) {
            folders.put(key, folder);
        }
    }

    private void loop() {
        try {
            while (true) {
                WatchKey key = service.take();
                Path folder;
                synchronized (folders) {
                    folder = folders.get(key);
                }
                for (WatchEvent<?> event : key.pollEvents()) {
                    if (folder != null && event.context() instanceof Path name) {
                        changed(folder.resolve(name), folder.equals(root));
                    }
                }
                key.reset();
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            // closed: stop
        }
    }

    private void changed(Path path, boolean inRoot) {
        if (inRoot && Files.isDirectory(path)) {
            try {
                register(path); // a folder made (or restored) while watching
            } catch (IOException e) {
                // gone again already: nothing to watch
            }
            return;
        }
        if (!path.getFileName().toString().endsWith(".java")) {
            return; // editors' swap and backup files
        }
        synchronized (pending) {
            ScheduledFuture<?> earlier = pending.remove(path);
            if (earlier != null) {
                earlier.cancel(false);
            }
            pending.put(path, timer.schedule(() -> fire(path), quietMillis, TimeUnit.MILLISECONDS));
        }
    }

    private void fire(Path path) {
        synchronized (pending) {
            pending.remove(path);
        }
        if (Files.isRegularFile(path)) {
            onSaved.accept(path);
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        return t;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            service.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
