package futures.workshop.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Python-to-Java coach of the kit's JShell: reads what JShell prints, line by line, and where
 * an error comes from a Python habit ({@code r.result()}, {@code len(xs)}, {@code futures = []},
 * {@code r.wait()}, a closed pool ...) adds one line, {@code |  Java: ...}, that gives the Java
 * way. Error blocks are JShell's: {@code |  Error:}, the message, {@code |    symbol: ...}, the
 * source line, a caret line; the advice follows the caret. A runtime exception's advice follows
 * its {@code |  Exception ...} line.
 */
public final class Coach {
    static final String PREFIX = "|  Java: ";

    private static final Pattern SYMBOL = Pattern.compile("\\|\\s+symbol:\\s+(method|variable|class)\\s+([\\w$]+)(\\((.*)\\))?\\s*");
    private static final Pattern CARET = Pattern.compile("\\|\\s*\\^-*\\^?\\s*");
    private static final Pattern EXCEPTION = Pattern.compile("\\|  Exception ([\\w.$]+)(: (.*))?");
    // "Future<Integer> cannot be converted to int", or for a generic call "... Future<T> conforms to int"
    private static final Pattern CONVERT = Pattern.compile(
            "incompatible types: .*java\\.util\\.concurrent\\.(?:Completable)?Future<.*> (?:cannot be converted to|conforms to) ([\\w.<>]+)");

    private final int javaFeature;
    // the error block being read: its message, symbol, and the line before the caret
    private String message = "";
    private String kind = "";
    private String name = "";
    private String arguments = "";
    private String source = "";
    private String previous = "";

    /** A coach for snippets that run on Java {@code javaFeature} (17, 25...): some advice names newer methods. */
    public Coach(int javaFeature) {
        this.javaFeature = javaFeature;
    }

    /** What to print for one line JShell printed (without its line end): the line, then any advice. */
    public List<String> lines(String line) {
        List<String> out = new ArrayList<>(2);
        out.add(line);
        String advice = read(line);
        if (advice != null) {
            out.add(PREFIX + advice);
        }
        return out;
    }

    private String read(String line) {
        String before = previous;
        previous = line;
        if (line.equals("|  Error:") || line.equals("|  Warning:")) {
            message = kind = name = arguments = source = "";
            return null;
        }
        Matcher m = SYMBOL.matcher(line);
        if (m.matches()) {
            kind = m.group(1);
            name = m.group(2);
            arguments = m.group(4) == null ? "" : m.group(4);
            return null;
        }
        m = EXCEPTION.matcher(line);
        if (m.matches()) {
            return exception(m.group(1), m.group(3) == null ? "" : m.group(3));
        }
        if (CARET.matcher(line).matches() && before.startsWith("|  ")) {
            source = before.substring(3);
            String advice = compileError();
            message = kind = name = arguments = "";
            return advice;
        }
        if (line.startsWith("|  ") && message.isEmpty() && !line.startsWith("|   ")) {
            message = line.substring(3);
        }
        return null;
    }

    // ---- compile errors ----

    /** The habits behind "cannot find symbol: method NAME(...)". */
    private static final Map<String, String> METHODS = Map.ofEntries(
            Map.entry("result", "%s.get() waits for the task and returns its value (Python's result())"),
            Map.entry("done", "%s.isDone() says whether the task has finished, without waiting"),
            Map.entry("ready", "%s.isDone() says whether the task has finished, without waiting"),
            Map.entry("running", "!%s.isDone() says that the task has not finished yet"),
            Map.entry("append", "%s.add(x) adds to a list (Python's append)"),
            Map.entry("extend", "%s.addAll(other) adds every element of another collection"),
            Map.entry("print", "System.out.println(...) prints a line (Python's print)"),
            Map.entry("apply", "pool.submit(() -> f(x)).get() is Pool.apply: hand the call over, then wait for it"),
            Map.entry("apply_async", "pool.submit(() -> f(x)) is apply_async: it returns a Future at once"),
            Map.entry("applyAsync", "pool.submit(() -> f(x)) is apply_async: it returns a Future at once"),
            Map.entry("join", "%s.get() waits for a Future; join() belongs to CompletableFuture and Thread"),
            Map.entry("range", "a for loop counts: for (int i = 0; i < n; i++) { ... }"),
            Map.entry("enumerate", "a for loop gives the index: for (int i = 0; i < futures.size(); i++) { var f = futures.get(i); ... }"),
            Map.entry("str", "String.valueOf(x), or \"\" + x, makes text of a value"),
            Map.entry("int", "Integer.parseInt(text) reads a whole number"));

    private String compileError() {
        if (message.startsWith("illegal start of expression") && source.matches(".*=\\s*\\[.*")) {
            return "no [] lists: List<Future<Integer>> futures = new ArrayList<>(); then futures.add(...)";
        }
        Matcher convert = CONVERT.matcher(message);
        if (convert.matches()) {
            String type = convert.group(1).replace("java.lang.", "");
            return "submit gives a Future, not its value: get() waits for the value, "
                    + type + " r = pool.submit(...).get();";
        }
        if (!message.startsWith("cannot find symbol")) {
            return null;
        }
        String camel = camelCase(name);
        if (!camel.equals(name) && LESSON_FUNCTIONS.contains(camel)) {
            return "the lesson's functions are camelCase in Java: " + camel + "(...), not " + name + "(...)";
        }
        if (kind.equals("variable")) {
            return variable();
        }
        if (!kind.equals("method")) {
            return null;
        }
        String receiver = receiver();
        switch (name) {
            case "successful":
                return "there is no successful(): " + receiver + ".get() throws an ExecutionException when the task failed"
                        + (javaFeature >= 19 ? "; or ask " + receiver + ".state() == Future.State.SUCCESS" : "");
            case "exception":
                return receiver + ".get() throws an ExecutionException when the task failed; its getCause() is the task's exception"
                        + (javaFeature >= 19 ? "; or " + receiver + ".exceptionNow() once it is done" : "");
            case "len":
                String of = arguments.contains("String") ? "length()" : arguments.contains("[]") ? "length" : "size()";
                return argument() + "." + of + " is Python's len(" + argument() + ")";
            case "isDone", "isCancelled", "cancel", "get", "resultNow":
                return name + "() is Future's: a list made with var futures = new ArrayList<>() holds "
                        + "Objects; declare List<Future<Integer>> futures = new ArrayList<>();";
            default:
                String advice = METHODS.get(name);
                return advice == null ? null : advice.replace("%s", receiver);
        }
    }

    private static final List<String> LESSON_FUNCTIONS = List.of(
            "slowFunction", "slowAdd", "slowDiff", "brokenFunction", "pid", "pool", "sleep");

    private String variable() {
        switch (name) {
            case "None":
                return "null is Python's None";
            case "True", "False":
                return name.toLowerCase(Locale.ROOT) + " is Python's " + name;
            case "time":
                return "sleep(1) sleeps for the lesson's seconds (time.sleep(1)); time() reads the lesson's clock (time.time())";
            case "os":
                return "pid() is the process id (os.getpid())";
            case "max_workers", "processes":
                return "pool(5) makes a pool of 5 workers (ProcessPoolExecutor(max_workers=5))";
            case "self":
                return "Java's this is Python's self, and it is not written as a parameter";
            default:
                if (LESSON_FUNCTIONS.contains(name)) {
                    Matcher call = Pattern.compile("submit\\(\\s*" + name + "\\s*(?:,\\s*(.*?))?\\)").matcher(source);
                    String args = call.find() && call.group(1) != null ? call.group(1) : "...";
                    return "hand over a call, not a function and its arguments: pool.submit(() -> "
                            + name + "(" + args + "))";
                }
                return null;
        }
    }

    /** The expression before {@code .name(} in the source line, e.g. {@code r} or {@code futures.get(0)}. */
    private String receiver() {
        Matcher m = Pattern.compile("([\\w$]+(?:\\([^()]*\\))?(?:\\.[\\w$]+(?:\\([^()]*\\))?)*)\\s*\\.\\s*"
                + Pattern.quote(name) + "\\s*\\(").matcher(source);
        String found = null;
        while (m.find()) {
            found = m.group(1);
        }
        return found == null ? "future" : found;
    }

    /** What was passed to {@code name(...)} in the source line, e.g. {@code futures} of {@code len(futures)}. */
    private String argument() {
        Matcher m = Pattern.compile(Pattern.quote(name) + "\\s*\\(\\s*([^()]*?)\\s*\\)").matcher(source);
        return m.find() && !m.group(1).isEmpty() ? m.group(1) : "list";
    }

    static String camelCase(String name) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : name.toCharArray()) {
            if (c == '_') {
                upper = out.length() > 0;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    // ---- exceptions thrown by a snippet ----

    private static String exception(String type, String text) {
        switch (type) {
            case "java.lang.IllegalMonitorStateException":
                return "wait() is Object's method for locks, not Python's wait: future.get() waits for a future to finish";
            case "java.util.concurrent.RejectedExecutionException":
                return text.contains("make a new pool") ? null
                        : "a closed pool takes no new tasks: make a new one, try (var pool = pool(2)) { ... }";
            case "java.util.concurrent.ExecutionException":
                return "the task failed and get() passed its exception on: catch (ExecutionException e) { e.getCause() ... }"
                        + " is Python's future.exception()";
            case "java.util.concurrent.CancellationException":
                return "the future was cancelled, so it has no result: ask isCancelled() before get()";
            default:
                return null;
        }
    }
}
