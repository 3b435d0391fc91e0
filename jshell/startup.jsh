// Loaded by `make jshell` after the JDK's DEFAULT imports. The helpers are compiled classes
// on the class path, so this script only imports them: every snippet here costs start-up time.
import java.util.concurrent.*;
import static futures.workshop.lesson.Lesson.*;
