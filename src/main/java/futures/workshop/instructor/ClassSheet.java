package futures.workshop.instructor;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import futures.workshop.checker.Verdict;
import futures.workshop.course.Exercise;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The class's grades as files: {@code grades.csv} for a spreadsheet (Jackson's CSV module does
 * the quoting) and {@code grades.html}, a learner × exercise table with the reason for every
 * failure (written with the JDK's {@link XMLStreamWriter}, which escapes every name and message).
 */
public final class ClassSheet {
    public static final String CSV = "grades.csv";
    public static final String HTML = "grades.html";

    private final List<Exercise> exercises;
    private final List<LearnerGrade> grades;
    private final String isolation;

    public ClassSheet(List<Exercise> exercises, List<LearnerGrade> grades) {
        this(exercises, grades, null);
    }

    /** {@code isolation} says how learner code was kept apart, shown under the table's title. */
    public ClassSheet(List<Exercise> exercises, List<LearnerGrade> grades, String isolation) {
        this.exercises = List.copyOf(exercises);
        this.grades = List.copyOf(grades);
        this.isolation = isolation;
    }

    /** Writes both files into {@code folder} (created if needed). */
    public void write(Path folder) throws IOException {
        Files.createDirectories(folder);
        writeCsv(folder.resolve(CSV));
        writeHtml(folder.resolve(HTML));
    }

    /**
     * One line of {@code grades.csv}.
     *
     * @param cells   one per exercise, in course order: its points, or "" when there is none
     * @param reasons one per exercise that did not pass ("3 async: ..."), or why there is no grade
     */
    record CsvRow(String learner, List<String> cells, int total, List<String> reasons) {}

    void writeCsv(Path file) throws IOException {
        List<CsvRow> rows = new ArrayList<>();
        for (LearnerGrade g : grades) {
            List<String> cells = new ArrayList<>();
            for (Exercise e : exercises) {
                cells.add(g.verdict(e).map(v -> Integer.toString(v.points())).orElse(""));
            }
            rows.add(new CsvRow(g.learner(), cells, g.points(), reasons(g)));
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            writeCsv(out, exercises, rows);
        }
    }

    /**
     * Columns: learner, one per exercise ("3 async"), total, reasons (one line per failed
     * exercise): {@code make grade-class} and the class board write the same sheet.
     */
    static void writeCsv(OutputStream stream, List<Exercise> exercises, List<CsvRow> rows) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder().addColumn("learner");
        exercises.forEach(e -> schema.addColumn(e.label()));
        schema.addColumn("total").addColumn("reasons");
        try (SequenceWriter out = new CsvMapper().writer(schema.build().withHeader()).writeValues(stream)) {
            for (CsvRow r : rows) {
                List<Object> row = new ArrayList<>();
                row.add(inert(r.learner()));
                row.addAll(r.cells());
                row.add(r.total());
                row.add(inert(String.join("\n", r.reasons())));
                out.write(row);
            }
        }
    }

    /**
     * Text a spreadsheet will not take for a formula: a cell that starts with =, +, -, @ or a tab
     * or carriage return (a learner's folder named "=HYPERLINK(...)") gets a leading apostrophe,
     * which spreadsheets hide and do not evaluate (OWASP's advice on CSV injection).
     */
    static String inert(String text) {
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** "3 async: not done yet: ..." for each exercise that did not pass, or why the learner was not graded. */
    List<String> reasons(LearnerGrade g) {
        if (g.problem() != null) {
            return List.of(g.problem());
        }
        if (!g.verdicts().isEmpty() && g.verdicts().stream().allMatch(v -> v.status() == Verdict.Status.MISSING)) {
            return List.of("no exercise file in the folder: an empty submission");
        }
        List<String> out = new ArrayList<>();
        for (Verdict v : g.verdicts()) {
            if (!v.passed()) {
                out.add(v.exercise().label() + ": " + v.reason());
            }
        }
        return out;
    }

    void writeHtml(Path file) throws IOException {
        int max = exercises.stream().mapToInt(Exercise::points).sum();
        try (OutputStream stream = Files.newOutputStream(file)) {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
            w.writeDTD("<!DOCTYPE html>");
            w.writeStartElement("html");
            w.writeAttribute("lang", "en");
            w.writeStartElement("head");
            element(w, "meta", "charset", "utf-8");
            text(w, "title", "Class grades");
            text(w, "style", STYLE);
            w.writeEndElement();
            w.writeStartElement("body");
            text(w, "h1", "Class grades");
            text(w, "p", grades.size() + " learners, " + exercises.size() + " exercises, " + max + " points in all. "
                    + "Hover over a red cell for the reason; the last column lists them all.");
            if (isolation != null) {
                text(w, "p", isolation);
            }
            w.writeStartElement("table");
            w.writeAttribute("id", "grades");
            w.writeStartElement("thead");
            w.writeStartElement("tr");
            text(w, "th", "learner");
            for (Exercise e : exercises) {
                w.writeStartElement("th");
                w.writeAttribute("title", e.title());
                w.writeCharacters(e.label() + " (" + e.points() + ")");
                w.writeEndElement();
            }
            text(w, "th", "total (" + max + ")");
            text(w, "th", "reasons");
            w.writeEndElement();
            w.writeEndElement();
            w.writeStartElement("tbody");
            for (LearnerGrade g : grades) {
                w.writeStartElement("tr");
                w.writeAttribute("class", "learner");
                w.writeStartElement("th");
                w.writeAttribute("scope", "row");
                w.writeCharacters(g.learner());
                w.writeEndElement();
                for (Exercise e : exercises) {
                    Optional<Verdict> v = g.verdict(e);
                    w.writeStartElement("td");
                    w.writeAttribute("class", v.map(x -> x.passed() ? "points pass" : "points fail").orElse("points none"));
                    w.writeAttribute("data-exercise", e.label());
                    v.filter(x -> !x.passed()).ifPresent(x -> attribute(w, "title", x.shortReason()));
                    w.writeCharacters(v.map(x -> Integer.toString(x.points())).orElse("–"));
                    w.writeEndElement();
                }
                w.writeStartElement("td");
                w.writeAttribute("class", "total");
                w.writeCharacters(Integer.toString(g.points()));
                w.writeEndElement();
                w.writeStartElement("td");
                w.writeAttribute("class", "reasons");
                List<String> reasons = reasons(g);
                if (!reasons.isEmpty()) {
                    w.writeStartElement("ul");
                    for (String r : reasons) {
                        text(w, "li", r);
                    }
                    w.writeEndElement();
                }
                w.writeEndElement();
                w.writeEndElement();
            }
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndElement();
            w.writeEndDocument();
            w.close();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static final String STYLE = """
            body { font-family: sans-serif; margin: 1.5em; }
            table { border-collapse: collapse; }
            th, td { border: 1px solid #bbb; padding: 0.3em 0.6em; vertical-align: top; }
            td.points, td.total { text-align: right; font-variant-numeric: tabular-nums; }
            td.pass { background: #dff0d8; }
            td.fail { background: #f2dede; }
            td.none { background: #eee; color: #777; }
            td.total { font-weight: bold; }
            td.reasons ul { margin: 0; padding-left: 1.2em; }
            td.reasons { font-size: 90%; white-space: pre-wrap; }
            """;

    private static void element(XMLStreamWriter w, String name, String attribute, String value) throws XMLStreamException {
        w.writeEmptyElement(name); // <meta charset="utf-8"/>: a void element
        w.writeAttribute(attribute, value);
    }

    private static void text(XMLStreamWriter w, String name, String text) throws XMLStreamException {
        w.writeStartElement(name);
        w.writeCharacters(text);
        w.writeEndElement();
    }

    private static void attribute(XMLStreamWriter w, String name, String value) {
        try {
            w.writeAttribute(name, value);
        } catch (XMLStreamException e) {
            throw new IllegalStateException(e);
        }
    }
}
