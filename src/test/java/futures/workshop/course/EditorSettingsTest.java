package futures.workshop.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The committed editor settings (.vscode/, .run/) name what exists: make targets the Makefile
 * has, a main class the kit has, and an EX= that every exercise's file name answers. No editor
 * runs here; this is what can be checked without one.
 */
@DisplayName("The editors' settings point at real commands")
class EditorSettingsTest {
    private static final Pattern MAKE = Pattern.compile("^make ([a-z-]+)(?: (.*))?$");

    private static List<String> makeTargets() throws IOException {
        List<String> targets = new ArrayList<>();
        Matcher m = Pattern.compile("(?m)^([a-z-]+):").matcher(Files.readString(Path.of("Makefile")));
        while (m.find()) {
            targets.add(m.group(1));
        }
        return targets;
    }

    @Test
    @DisplayName("VS Code: every task is a make target of the Makefile, and the Java pack is recommended")
    void vsCode() throws IOException {
        JsonMapper json = JsonMapper.builder().enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
                .enable(JsonReadFeature.ALLOW_TRAILING_COMMA).build();
        JsonNode tasks = json.readTree(Path.of(".vscode/tasks.json").toFile()).get("tasks");
        assertThat(tasks).isNotEmpty();
        List<String> targets = makeTargets();
        for (JsonNode task : tasks) {
            Matcher make = MAKE.matcher(task.get("command").asText());
            assertThat(make.matches()).as("a make command: %s", task).isTrue();
            assertThat(targets).as("the Makefile's targets").contains(make.group(1));
        }
        assertThat(json.readTree(Path.of(".vscode/extensions.json").toFile()).get("recommendations").toString())
                .contains("vscjava.vscode-java-pack");
    }

    @Test
    @DisplayName("IntelliJ: shell configurations run make targets; 'check this exercise' runs the kit with EX= the file's name")
    void intellij() throws Exception {
        List<String> targets = makeTargets();
        List<Path> files;
        try (Stream<Path> run = Files.list(Path.of(".run"))) {
            files = run.filter(p -> p.toString().endsWith(".run.xml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        boolean checksTheOpenFile = false;
        for (Path file : files) {
            Element config = (Element) DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile())
                    .getElementsByTagName("configuration").item(0);
            String script = option(config, "SCRIPT_TEXT");
            if (config.getAttribute("type").equals("ShConfigurationType")) {
                Matcher make = MAKE.matcher(script);
                assertThat(make.matches()).as("%s: a make command", file).isTrue();
                assertThat(targets).as("%s: the Makefile's targets", file).contains(make.group(1));
            } else {
                assertThat(config.getAttribute("type")).as(file.toString()).isEqualTo("Application");
                Class.forName(option(config, "MAIN_CLASS_NAME")); // the kit's program is there
                assertThat(option(config, "PROGRAM_PARAMETERS")).isEqualTo("check EX=$FileNameWithoutExtension$");
                checksTheOpenFile = true;
            }
        }
        assertThat(checksTheOpenFile).as("a configuration checks the open file").isTrue();
    }

    @Test
    @DisplayName("EX= the open file's name (without .java) finds its exercise, for every exercise")
    void everyExerciseByItsFileName() {
        Course course = Course.load(Path.of("exercises"));
        for (Exercise exercise : course.exercises()) {
            String name = Path.of(exercise.file()).getFileName().toString().replaceFirst("\\.java$", "");
            assertThat(course.find(name)).as(name).isEqualTo(exercise);
        }
    }

    private static String option(Element config, String name) {
        NodeList options = config.getElementsByTagName("option");
        for (int i = 0; i < options.getLength(); i++) {
            Element option = (Element) options.item(i);
            if (option.getAttribute("name").equals(name)) {
                return option.getAttribute("value");
            }
        }
        return "";
    }
}
