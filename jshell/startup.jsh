// Loaded by `make jshell` after the JDK's DEFAULT imports (which include java.util.concurrent).
// The helpers are compiled classes on the class path, so this script only imports them: every
// snippet here costs start-up time, which is why the banner is printed by make.
import static futures.workshop.lesson.Lesson.*;
import static futures.workshop.jshell.Commands.*;
