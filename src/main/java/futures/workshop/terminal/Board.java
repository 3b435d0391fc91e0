package futures.workshop.terminal;

import futures.workshop.runtime.NotifyingFuture;
import futures.workshop.runtime.RecordedFuture;
import futures.workshop.runtime.TimeScale;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.stream.IntStream;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.jline.utils.Display;

/**
 * The lesson's "have the workers finished?" as a live table: one row per future (running,
 * finished or failed, and the lesson seconds since it was submitted), updated in place the
 * moment a future completes, then the results (the value, or the exception that
 * {@link ExecutionException#getCause()} gives). On a dumb terminal or a pipe it prints one line
 * per event instead.
 *
 * <p>A future of the kit's pool ({@link RecordedFuture}) knows when it was submitted and, once
 * done, when its last slow call ended, so even a future that was done before the board started
 * shows how long it took. Any other future knows neither: its time runs from the board's start.
 *
 * <p>{@link #watch} blocks the calling thread until every future is done, like calling
 * {@code get()} on each, but it wakes up on completions rather than polling: a
 * {@link CompletableFuture} or a worker pool's future tells it when it is done; any other future
 * gets a small waiting thread. On a real terminal the table is redrawn every
 * {@value #TICK_MILLIS} ms as well, only to advance the elapsed times.
 *
 * <pre>{@code
 * List<Future<Integer>> futures = ...;
 * Board.watch(Terminals.systemOut(), futures, List.of());
 * }</pre>
 */
public final class Board {
    static final long TICK_MILLIS = 100;

    /** Where a future stands. */
    public enum State {
        RUNNING("running"), FINISHED("finished"), FAILED("failed"), CANCELLED("cancelled");

        private final String word;

        State(String word) {
            this.word = word;
        }

        @Override
        public String toString() {
            return word;
        }
    }

    /**
     * One future's row at the end.
     *
     * @param label   what the board called it, e.g. {@code future 2}
     * @param state   how it ended
     * @param seconds lesson seconds from its submission (a future of the kit's pool; for any other
     *                future, from the board's start) to its completion
     * @param value   its value when it finished, else {@code null}
     * @param error   the exception it failed with (the cause, not the {@code ExecutionException}), else {@code null}
     */
    public record Result(String label, State state, double seconds, Object value, Throwable error) {
        /** The value, or the exception's type and message. */
        public String text() {
            return switch (state) {
                case FINISHED -> String.valueOf(value);
                case FAILED -> error.toString();
                case CANCELLED -> "cancelled before it finished";
                case RUNNING -> "";
            };
        }
    }

    private sealed interface Event permits Done, Printed {}

    private record Done(int index) implements Event {}

    private record Printed(String line) implements Event {}

    private final Terminal terminal;
    private final LongSupplier clock;
    private final long tickMillis;
    private final boolean captureSystemOut;

    /**
     * A board on {@code terminal}. With {@code captureSystemOut}, what the tasks print while the
     * board is live goes above the table instead of through it (only for a terminal over the
     * real {@code System.out}).
     */
    public Board(Terminal terminal, boolean captureSystemOut) {
        this(terminal, SYSTEM_CLOCK, TICK_MILLIS, captureSystemOut);
    }

    private static final LongSupplier SYSTEM_CLOCK = System::nanoTime;

    /**
     * A board with its own {@code clock} and refresh rate, for tests. The kit's pool stamps its
     * futures with {@link System#nanoTime()}: a stand-in clock suits only other futures.
     */
    Board(Terminal terminal, LongSupplier clock, long tickMillis, boolean captureSystemOut) {
        this.terminal = Objects.requireNonNull(terminal, "terminal");
        this.clock = clock;
        this.tickMillis = tickMillis;
        this.captureSystemOut = captureSystemOut;
    }

    /**
     * What {@code board(futures)} in JShell does: watches the futures on the console
     * ({@link Terminals#systemOut()}), with what the tasks print shown above the table. Ctrl-C
     * stops watching (the futures keep running) and keeps the thread's interrupt flag.
     */
    public static void show(List<? extends Future<?>> futures, List<String> labels) {
        Terminal terminal = Terminals.systemOut();
        try {
            new Board(terminal, true).watch(futures, labels);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            terminal.writer().println("stopped watching; the futures keep running");
            terminal.writer().flush();
        }
    }

    /** Watches the futures on {@code terminal} until all are done; see {@link #watch(List, List)}. */
    public static List<Result> watch(Terminal terminal, List<? extends Future<?>> futures, List<String> labels)
            throws InterruptedException {
        return new Board(terminal, false).watch(futures, labels);
    }

    /**
     * Shows the futures until every one is done and returns how each ended. Runs on the calling
     * thread (which it blocks, like {@code get()}); completions may come from any thread.
     *
     * @param labels one name per future, or an empty list for {@code future 0}, {@code future 1}, ...
     * @throws InterruptedException when the caller is interrupted (Ctrl-C in JShell); the
     *         futures keep running
     */
    public List<Result> watch(List<? extends Future<?>> futures, List<String> labels) throws InterruptedException {
        List<String> names = names(futures, labels);
        int n = futures.size();
        long start = clock.getAsLong();
        Timing[] timings = new Timing[n];
        for (int i = 0; i < n; i++) {
            timings[i] = Timing.of(futures.get(i), start);
        }
        Result[] results = new Result[n];
        BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        List<Thread> waiters = new ArrayList<>();
        // A table taller than the screen cannot be redrawn in place: then one line per event.
        int rows = terminal.getSize().getRows();
        boolean live = Terminals.inPlace(terminal) && (rows <= 0 || n + 3 <= rows);
        View view = live ? new LiveView(names, results, timings) : new LineView();
        PrintStream original = System.out;
        LineSink sink = live && captureSystemOut ? new LineSink(events) : null;
        if (sink != null) {
            System.setOut(new PrintStream(sink, true, StandardCharsets.UTF_8));
        }
        try {
            view.started(names);
            for (int i = 0; i < n; i++) {
                waiters.addAll(listen(futures.get(i), i, events));
            }
            int remaining = n;
            while (remaining > 0) {
                Event event = live ? events.poll(tickMillis, TimeUnit.MILLISECONDS) : events.take();
                if (event instanceof Done done && results[done.index()] == null) {
                    int i = done.index();
                    long end = timings[i].ended().orElseGet(clock);
                    results[i] = outcome(names.get(i), futures.get(i), seconds(end - timings[i].since()));
                    remaining--;
                    view.completed(results[i]);
                } else if (event instanceof Printed printed) {
                    view.printed(printed.line());
                } else if (event == null) {
                    view.tick();
                }
            }
        } finally {
            if (sink != null) {
                System.setOut(original);
                sink.finish();
            }
            waiters.forEach(Thread::interrupt);
            view.stopped(); // leave the cursor below the table even after Ctrl-C
        }
        // Lines printed between the last completion and now still belong above the results.
        for (Event e = events.poll(); e != null; e = events.poll()) {
            if (e instanceof Printed printed) {
                view.printed(printed.line());
            }
        }
        List<Result> all = List.of(results);
        view.finished(all);
        return all;
    }

    /**
     * Where a future's elapsed time starts, and when it ended if it was done before the board
     * started (else the board's clock tells when it hears of the completion).
     */
    private record Timing(long since, OptionalLong ended) {
        static Timing of(Future<?> future, long boardStart) {
            if (future instanceof RecordedFuture<?> task && task.submittedAt().isPresent()) {
                long submitted = task.submittedAt().getAsLong();
                if (!task.isDone()) {
                    return new Timing(submitted, OptionalLong.empty());
                }
                OptionalLong end = task.lastCallEnd();
                if (end.isPresent()) {
                    return new Timing(submitted, end);
                }
                // Done with no slow call on record (none made, or the calls cleared since): when it
                // ended is unknown, so it is shown like any other future.
            }
            // Any other future (or one of the kit's submitted untimed, behind a long queue) knows
            // neither when it was submitted nor when it ended: its time runs from the board's
            // start, and one that was done already shows 0.0 s.
            return new Timing(boardStart, OptionalLong.empty());
        }
    }

    private static List<String> names(List<? extends Future<?>> futures, List<String> labels) {
        Objects.requireNonNull(futures, "futures");
        if (labels == null || labels.isEmpty()) {
            return IntStream.range(0, futures.size()).mapToObj(i -> "future " + i).toList();
        }
        if (labels.size() != futures.size()) {
            throw new IllegalArgumentException("give one label per future: " + futures.size()
                    + " futures but " + labels.size() + " labels");
        }
        return List.copyOf(labels);
    }

    /** Arranges for a Done event when the future completes; returns the thread it needed, if any. */
    private static List<Thread> listen(Future<?> future, int index, BlockingQueue<Event> events) {
        Runnable signal = () -> events.add(new Done(index));
        if (future instanceof CompletableFuture<?> cf) {
            cf.whenComplete((value, error) -> signal.run());
        } else if (future instanceof NotifyingFuture<?> nf) {
            nf.whenDone(signal);
        } else if (future.isDone()) {
            signal.run();
        } else {
            // Any other Future can only be waited on: a daemon thread blocks in get(), no polling.
            Thread waiter = new Thread(() -> {
                try {
                    future.get();
                } catch (InterruptedException e) {
                    return; // the board gave up
                } catch (ExecutionException | CancellationException e) {
                    // done all the same
                }
                signal.run();
            }, "board-waiter-" + index);
            waiter.setDaemon(true);
            waiter.start();
            return List.of(waiter);
        }
        return List.of();
    }

    private static Result outcome(String label, Future<?> future, double seconds) throws InterruptedException {
        try {
            return new Result(label, State.FINISHED, seconds, future.get(), null);
        } catch (ExecutionException e) {
            return new Result(label, State.FAILED, seconds, null, e.getCause() == null ? e : e.getCause());
        } catch (CancellationException e) {
            return new Result(label, State.CANCELLED, seconds, null, e);
        }
    }

    private double seconds(long nanos) {
        return TimeScale.toLessonSeconds(nanos);
    }

    private static String time(double seconds) {
        return String.format(java.util.Locale.ROOT, "%5.1f s", seconds);
    }

    /** The last line: "all 6 done, the last after 5.1 s: 5 finished, 1 failed". */
    private static String summary(List<Result> results) {
        long failed = results.stream().filter(r -> r.state() != State.FINISHED).count();
        double last = results.stream().mapToDouble(Result::seconds).max().orElse(0);
        return "all " + results.size() + " done, the last after " + Timeline.seconds(last) + " s: "
                + (results.size() - failed) + " finished, " + failed + " failed";
    }

    /** How the board shows its events: a live table or one line per event. */
    private interface View {
        void started(List<String> names);

        void completed(Result result);

        void printed(String line);

        void tick();

        void stopped();

        void finished(List<Result> results);
    }

    /** One plain line per event, for dumb terminals, pipes and logs. */
    private final class LineView implements View {
        @Override
        public void started(List<String> names) {
            PrintWriter out = terminal.writer();
            out.println("watching " + names.size() + (names.size() == 1 ? " future" : " futures")
                    + " (times in lesson seconds)");
            for (String name : names) {
                out.println(name + ": running");
            }
            out.flush();
        }

        @Override
        public void completed(Result r) {
            terminal.writer().println(r.label() + ": " + r.state() + " after " + Timeline.seconds(r.seconds())
                    + " s" + (r.state() == State.CANCELLED ? "" : " -> " + r.text()));
            terminal.writer().flush();
        }

        @Override
        public void printed(String line) {
            terminal.writer().println(line);
            terminal.writer().flush();
        }

        @Override
        public void tick() {
        }

        @Override
        public void stopped() {
        }

        @Override
        public void finished(List<Result> results) {
            PrintWriter out = terminal.writer();
            out.println(summary(results));
            out.println("results:");
            int width = results.stream().mapToInt(r -> r.label().length()).max().orElse(0);
            for (Result r : results) {
                out.println("  " + pad(r.label(), width) + "  " + r.text());
            }
            out.flush();
        }
    }

    /** The table, redrawn in place with JLine's {@link Display}. */
    private final class LiveView implements View {
        private final List<String> names;
        private final Result[] results;
        private final Timing[] timings;
        private final Display display;
        private final boolean[] cut;
            private final boolean colours;

        LiveView(List<String> names, Result[] results, Timing[] timings) {
            this.names = names;
            this.results = results;
            this.timings = timings;
            this.cut = new boolean[names.size()];
            this.display = new Display(terminal, false);
            Size size = terminal.getSize();
            this.display.resize(Size.of(size.getColumns(), Math.max(size.getRows(), names.size() + 3)));
            this.colours = Terminals.colours(terminal);
        }

        @Override
        public void started(List<String> names) {
            redraw();
        }

        @Override
        public void completed(Result result) {
            redraw();
        }

        @Override
        public void tick() {
            redraw();
        }

        @Override
        public void printed(String line) {
            // Like JLine's LineReader#printAbove: clear the table, print, draw it again below.
            display.update(Collections.emptyList(), 0);
            terminal.writer().println(line);
            terminal.writer().flush();
            display.reset();
            redraw();
        }

        @Override
        public void stopped() {
            redraw();
            terminal.writer().println();
            terminal.writer().flush();
        }

        @Override
        public void finished(List<Result> all) {
            // The table is the result; only values cut off at the terminal's edge are repeated.
            PrintWriter out = terminal.writer();
            for (int i = 0; i < all.size(); i++) {
                if (cut[i]) {
                    out.println(all.get(i).label() + ": " + all.get(i).text());
                }
            }
            out.flush();
        }

        private void redraw() {
            long now = clock.getAsLong();
            int nameWidth = Math.max("future".length(), names.stream().mapToInt(String::length).max().orElse(0));
            int columns = terminal.getSize().getColumns() - 1; // never the last column: no surprise wraps
            List<AttributedString> lines = new ArrayList<>();
            lines.add(line(columns, new AttributedStringBuilder().style(AttributedStyle.BOLD)
                    .append(pad("future", nameWidth)).append("  state      elapsed  result"), -1));
            int done = 0;
            int failed = 0;
            for (int i = 0; i < names.size(); i++) {
                Result r = results[i];
                State state = r == null ? State.RUNNING : r.state();
                AttributedStringBuilder row = new AttributedStringBuilder().append(pad(names.get(i), nameWidth)).append("  ");
                row.styled(style(state), pad(state.toString(), 9));
                row.append(" ").append(time(r == null ? seconds(now - timings[i].since()) : r.seconds()));
                if (r != null) {
                    row.append("  ").append(r.text().replace('\n', ' '));
                    done++;
                    failed += r.state() == State.FINISHED ? 0 : 1;
                }
                lines.add(line(columns, row, i));
            }
            String status = done < names.size()
                    ? done + " of " + names.size() + " done" + (failed > 0 ? " (" + failed + " failed)" : "")
                    : summary(List.of(results));
            lines.add(line(columns, new AttributedStringBuilder().append(status), -1));
            display.update(lines, -1);
            terminal.flush();
        }

        private AttributedStyle style(State state) {
            if (!colours) {
                return AttributedStyle.DEFAULT;
            }
            return switch (state) {
                case RUNNING -> AttributedStyle.DEFAULT.foreground(AttributedStyle.YELLOW);
                case FINISHED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.GREEN);
                case FAILED, CANCELLED -> AttributedStyle.DEFAULT.foreground(AttributedStyle.RED).bold();
            };
        }

        private AttributedString line(int columns, AttributedStringBuilder b, int row) {
            AttributedString s = b.toAttributedString();
            if (s.columnLength() <= columns) {
                return s;
            }
            if (row >= 0) {
                cut[row] = true;
            }
            return new AttributedStringBuilder().append(s.columnSubSequence(0, columns - 1)).append('~')
                    .toAttributedString();
        }
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Collects what the tasks print into whole lines, for the board to print above its table. */
    private static final class LineSink extends OutputStream {
        private final BlockingQueue<Event> events;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineSink(BlockingQueue<Event> events) {
            this.events = events;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                events.add(new Printed(line.toString(StandardCharsets.UTF_8).replace("\r", "")));
                line.reset();
            } else {
                line.write(b);
            }
        }

        /** Hands over a last line that has no newline yet. */
        synchronized void finish() {
            if (line.size() > 0) {
                write('\n');
            }
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            for (int i = off; i < off + len; i++) {
                write(b[i]);
            }
        }
    }
}
