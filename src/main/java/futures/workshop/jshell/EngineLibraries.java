package futures.workshop.jshell;

/**
 * The agent of {@code target/jshell-libraries.jar}, which does nothing: that jar exists for its
 * manifest, whose {@code Class-Path} puts the kit's libraries (JLine for {@code board()}, JUnit
 * and Jackson for {@code check()}) on the class path of JShell's engine JVM. JShell gives its
 * {@code --class-path} to its compiler as well, where those 20-odd jars made the first prompt
 * about 100 ms slower and every snippet slower to compile; the lesson's own classes are all a
 * snippet needs to see.
 */
public final class EngineLibraries {
    private EngineLibraries() {}

    /** Called by the JVM for {@code -javaagent}: the libraries are already on the class path. */
    public static void premain(String args) {
        // nothing to do
    }
}
