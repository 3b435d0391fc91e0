package futures.workshop.shell;

import futures.workshop.runtime.FutureText;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.Socket;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import jdk.jshell.execution.RemoteExecutionControl;
import jdk.jshell.execution.Util;

/**
 * JShell's engine (the JVM where snippets run) as the kit starts it
 * ({@code --execution jdi:remoteAgent(...)}): JShell's own, except that a future, or a list of
 * them, shows in one short line ({@link FutureText}) where JShell would print
 * {@code java.util.concurrent.CompletableFuture@5fdef03a[Completed normally]}. JShell turns a
 * value into text in a static method that cannot be overridden, so this class takes the value
 * one step earlier, where the snippet returns it.
 *
 * <p>Up to JDK 21 only: from 22 on, JShell gives its engine a console that only its own agent
 * may serve, and refuses any other. There the kit's pool's futures still show in one line (their
 * {@code toString}), other futures as Java writes them.
 *
 * <p>Ctrl-C must still stop a snippet: JShell's front end finds the three fields below by name in
 * this class (over JDI) and throws {@link #stopException} into the thread running an
 * {@code invoke} or {@code varValue} frame of this class. So they are declared here, and the
 * methods that use them are overridden to use these.
 */
public final class Engine extends RemoteExecutionControl {
    /** Longest list of futures shown on one line. */
    static final int LINE = 100;

    // Read and written by JShell's front end over JDI, never by name in Java code.
    private boolean inClientCode;
    private boolean expectingStop;
    @SuppressWarnings("removal")
    private final StopSnippet stopException = new StopSnippet();

    /** What JShell's front end throws into a snippet to stop it (Ctrl-C). */
    @SuppressWarnings({"removal", "serial"})
    private static final class StopSnippet extends ThreadDeath {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    }

    /** Started by JShell with the port to connect back to, as JShell's own agent is. */
    public static void main(String[] args) throws Exception {
        Socket socket = new Socket((String) null, Integer.parseInt(args[0]));
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        Map<String, Consumer<OutputStream>> outputs = new HashMap<>();
        outputs.put("out", st -> System.setOut(new PrintStream(st, true)));
        outputs.put("err", st -> System.setErr(new PrintStream(st, true)));
        Map<String, Consumer<InputStream>> inputs = new HashMap<>();
        inputs.put("in", System::setIn);
        Util.forwardExecutionControlAndIO(new Engine(), in, out, outputs, inputs);
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        Object value = doitMethod.invoke(null);
        System.out.flush();
        return show(value);
    }

    @Override
    public String varValue(String className, String varName)
            throws RunException, EngineTerminationException, InternalException {
        Object value;
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            value = field.get(null);
        } catch (Throwable e) {
            throw new InternalException(e.toString());
        }
        try {
            clientCodeEnter();
            return show(value);
        } catch (Throwable e) {
            return throwConvertedInvocationException(e);
        } finally {
            clientCodeLeave();
        }
    }

    /**
     * A value as JShell shows it, but futures (alone, or in a list, set or map's values) in one
     * short line each.
     */
    static String show(Object value) {
        if (value instanceof Future<?> future) {
            return FutureText.of(future);
        }
        if (value instanceof Collection<?> items && items.stream().anyMatch(Future.class::isInstance)) {
            String line = items.stream().map(Engine::element).collect(Collectors.joining(", ", "[", "]"));
            return line.length() <= LINE ? line // else one future per line, as a reader would lay it out
                    : items.stream().map(Engine::element).collect(Collectors.joining(",\n  ", "[\n  ", "\n]"));
        }
        if (value instanceof Map<?, ?> map && map.values().stream().anyMatch(Future.class::isInstance)) {
            return map.entrySet().stream().map(e -> element(e.getKey()) + "=" + element(e.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return JShellText.of(value);
    }

    private static String element(Object value) {
        return value instanceof Future<?> future ? FutureText.of(future) : String.valueOf(value);
    }

    /** JShell's text for the values that are not futures: its method is static and protected. */
    private static final class JShellText extends RemoteExecutionControl {
        static String of(Object value) {
            return valueString(value);
        }
    }

    @Override
    protected void clientCodeEnter() {
        expectingStop = false;
        inClientCode = true;
    }

    @Override
    protected void clientCodeLeave() throws InternalException {
        inClientCode = false;
        while (expectingStop) { // the front end is about to throw: wait for it, as JShell's agent does
            try {
                Thread.sleep(0);
            } catch (InterruptedException e) {
                throw new InternalException("interrupted while waiting for the stop of a snippet: " + e);
            }
        }
    }

    @Override
    protected String throwConvertedInvocationException(Throwable cause) throws RunException, InternalException {
        if (cause instanceof StopSnippet || cause instanceof InvocationTargetException
                && cause.getCause() instanceof StopSnippet) {
            expectingStop = false;
            throw new StoppedException();
        }
        return super.throwConvertedInvocationException(cause);
    }

    @Override
    protected String throwConvertedOtherException(Throwable e) throws RunException, InternalException {
        if (e instanceof StopSnippet || e.getCause() instanceof StopSnippet) {
            expectingStop = false;
            throw new StoppedException();
        }
        return super.throwConvertedOtherException(e);
    }
}
