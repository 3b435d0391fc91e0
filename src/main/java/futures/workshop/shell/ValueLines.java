package futures.workshop.shell;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Java's own text for a future, {@code java.util.concurrent.CompletableFuture@5fdef03a[Completed
 * normally]}, made as short as the kit's ({@code Future[done]}) in the lines JShell prints. For
 * the engines where the kit's {@link Engine} cannot run (JDK 22 and later), which see only the
 * text: the state is there, the value is not.
 */
final class ValueLines {
    private static final Pattern JAVA_FUTURE = Pattern.compile(
            "java\\.util\\.concurrent\\.(?:CompletableFuture|FutureTask|ForkJoinTask|[A-Za-z]+Future)(?:\\$\\w+)?@\\p{XDigit}+"
                    + "\\[(Completed normally|Completed exceptionally: ([\\w.$]+)(?:: ([^\\]]*))?|Cancelled|Not completed[^\\]]*)\\]");

    private ValueLines() {}

    static String shorten(String line) {
        if (!line.contains("java.util.concurrent.")) {
            return line; // the usual case, at no cost
        }
        Matcher m = JAVA_FUTURE.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement("Future[" + state(m) + "]"));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String state(Matcher m) {
        String state = m.group(1);
        if (state.equals("Completed normally")) {
            return "done";
        }
        if (state.equals("Cancelled")) {
            return "cancelled";
        }
        if (state.startsWith("Not completed")) {
            return "not done yet";
        }
        String type = m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
        if (type.equals("CancellationException")) {
            return "cancelled";
        }
        return "failed: " + type + (m.group(3) == null ? "" : ": " + m.group(3));
    }
}
