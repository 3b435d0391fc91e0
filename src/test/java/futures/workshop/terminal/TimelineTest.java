package futures.workshop.terminal;

import static futures.workshop.terminal.Fixtures.failed;
import static futures.workshop.terminal.Fixtures.returned;
import static futures.workshop.terminal.Fixtures.running;
import static org.assertj.core.api.Assertions.assertThat;

import futures.workshop.runtime.Call;
import futures.workshop.runtime.TimeScale;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.LineDisciplineTerminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStyle;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

@DisplayName("The worker timeline")
@ExtendWith(TimeScaleOne.class)
class TimelineTest {

    @Test
    @DisplayName("draws a row per worker, bars labelled with their task, the axis, a key and a summary")
    void plainText() {
        assertThat(Timeline.of(Fixtures.lesson()).plain(60)).isEqualTo("""
                Worker timeline: 5 calls over time, in lesson seconds
                worker-1  |[#0 slowAdd(3.1, 1, 2)=======][#2=======]
                worker-2  |[x #1 brokenFunction][#3 slowDiff(4.1, 5, 1)====>
                worker-10 |[#4 slowFunction(5)=============================]
                          ++---------+---------+--------+---------+--------+
                seconds    0         1         2        3         4        5
                key: [#n call] returned  [x #n] failed
                     [#n ...> still running
                3 workers used, peak 3 running at once, wall time 5 s so
                far, 1 still running
                x #1 brokenFunction(2.1) on worker-2, 0 s to 2.1 s, failed:
                  java.lang.IllegalArgumentException: Called broken
                  function
                """);
    }

    @Test
    @DisplayName("gives the same text for the same calls, in whatever order they come")
    void deterministic() {
        List<Call> reversed = new ArrayList<>(Fixtures.lesson());
        java.util.Collections.reverse(reversed);
        assertThat(Timeline.of(reversed).plain(72)).isEqualTo(Timeline.of(Fixtures.lesson()).plain(72));
    }

    @Test
    @DisplayName("puts worker-2 before worker-10")
    void naturalOrder() {
        String text = Timeline.of(List.of(
                returned(0, "slowAdd(1, 1, 1)", "worker-10", 0, 1),
                returned(1, "slowAdd(1, 1, 1)", "worker-2", 0, 1),
                returned(2, "slowAdd(1, 1, 1)", "worker-1", 0, 1))).plain(80);
        assertThat(text.indexOf("worker-1 ")).isLessThan(text.indexOf("worker-2 "));
        assertThat(text.indexOf("worker-2 ")).isLessThan(text.indexOf("worker-10 "));
        assertThat(NaturalOrder.INSTANCE.compare("worker-2", "worker-10")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("worker-10", "worker-9")).isPositive();
        assertThat(NaturalOrder.INSTANCE.compare("pool-1/worker-3", "pool-2/worker-1")).isNegative();
        assertThat(NaturalOrder.INSTANCE.compare("main", "worker-1")).isNegative();
    }

    @Test
    @DisplayName("fills each chart line to the width it is given, 80 columns by default")
    void widths() {
        Timeline timeline = Timeline.of(Fixtures.lesson());
        for (int width : new int[] {40, 80, 132}) {
            List<String> lines = timeline.plain(width).lines().toList();
            assertThat(lines.get(3)).as("the worker-10 row, %d columns", width).hasSize(width);
            assertThat(lines).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(width));
        }
        assertThat(timeline.toString()).isEqualTo(timeline.plain(80));
    }

    @Test
    @DisplayName("uses plain ASCII and no escape codes on a dumb terminal or a pipe, 80 columns wide")
    void dumbTerminal() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Terminal dumb = new DumbTerminal(InputStream.nullInputStream(), bytes);
        Timeline timeline = Timeline.of(Fixtures.lesson());
        timeline.print(dumb);
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(printed).isEqualTo(timeline.plain(80)).doesNotContain("\u001b");
        assertThat(printed.chars()).allMatch(c -> c < 128);
    }

    @Test
    @DisplayName("colours the bars on a real terminal: failed red with a cross, running yellow and open")
    void colours() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Terminal xterm = new LineDisciplineTerminal("test", "xterm-256color", bytes, StandardCharsets.UTF_8);
        xterm.setSize(Size.of(100, 30));
        assertThat(Terminals.colours(xterm)).isTrue();
        Timeline timeline = Timeline.of(Fixtures.lesson());
        assertThat(timeline.render(xterm)).contains("\u001b[").contains("\u2717 #1").contains("\u25b6");

        AttributedString text = timeline.render(100, true);
        List<String> lines = text.toString().lines().toList();
        int worker2 = text.toString().indexOf(lines.get(2));
        int cross = text.toString().indexOf('\u2717', worker2);
        int arrow = text.toString().indexOf('\u25b6', worker2);
        assertThat(text.styleAt(cross)).isEqualTo(AttributedStyle.DEFAULT.background(AttributedStyle.RED)
                .foreground(AttributedStyle.WHITE | AttributedStyle.BRIGHT).bold());
        assertThat(text.styleAt(arrow)).isEqualTo(AttributedStyle.DEFAULT.background(AttributedStyle.YELLOW)
                .foreground(AttributedStyle.BLACK));
        assertThat(lines.get(2)).endsWith("\u25b6").hasSize(100);
    }

    @Test
    @DisplayName("counts workers, the peak and the wall time in lesson seconds, whatever the time scale")
    void summaryInLessonSeconds() {
        List<Call> calls = List.of(
                returned(0, "slowAdd(3.1, 1, 2)", "worker-1", 0, 0.031),
                returned(1, "slowAdd(5.1, 1, 2)", "worker-2", 0.001, 0.052));
        System.setProperty(TimeScale.PROPERTY, "0.01"); // the recorded nanoseconds were 100 times faster
        Timeline timeline = Timeline.of(calls);
        assertThat(timeline.summary()).isEqualTo("2 workers used, peak 2 running at once, wall time 5.2 s");
        assertThat(timeline.workers()).isEqualTo(2);
        assertThat(timeline.peak()).isEqualTo(2);
        assertThat(timeline.wallTime()).isEqualTo(5.2, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    @DisplayName("does not count calls one after the other as running at once")
    void peakOfSequentialCalls() {
        Timeline timeline = Timeline.of(List.of(
                returned(0, "slowAdd(1, 1, 2)", "worker-1", 0, 1),
                returned(1, "slowAdd(1, 1, 2)", "worker-2", 1, 2),
                failed(2, "brokenFunction(1)", "worker-1", 2, 3)));
        assertThat(timeline.peak()).isEqualTo(1);
        assertThat(timeline.summary()).isEqualTo("2 workers used, peak 1 running at once, wall time 3 s");
    }

    @Test
    @DisplayName("names rows by pool and worker when calls come from two pools")
    void twoPools() {
        Call first = returned(0, "slowAdd(1, 1, 2)", "worker-1", 0, 1);
        Call second = new Call(1, "slowAdd", "slowAdd(1, 3, 4)", "worker-1", "pool-2", 0,
                Fixtures.nanos(0.5), Fixtures.nanos(1.5), Call.Outcome.RETURNED, null);
        String text = Timeline.of(List.of(first, second)).plain(80);
        assertThat(text).contains("pool-1/worker-1 |[#0").contains("pool-2/worker-1 |");
        assertThat(Timeline.of(List.of(first, second)).workers()).isEqualTo(2);
    }

    @Test
    @DisplayName("gives overlapping calls of one thread a lane each instead of drawing over them")
    void lanes() {
        String text = Timeline.of(List.of(
                new Call(0, "slowAdd", "slowAdd(2, 1, 2)", "main", null, -1, 0, Fixtures.nanos(2),
                        Call.Outcome.RETURNED, null),
                new Call(1, "slowDiff", "slowDiff(1, 1, 2)", "main", null, -1, Fixtures.nanos(0.5),
                        Fixtures.nanos(1.5), Call.Outcome.RETURNED, null))).plain(60);
        assertThat(text).contains("main    |[slowAdd(2, 1, 2)").contains("        |").contains("[slowDiff(1, 1, 2)");
    }

    @Test
    @DisplayName("draws a call still running up to now when it knows the time")
    void runningUpToNow() {
        List<Call> calls = List.of(returned(0, "slowAdd(1, 1, 2)", "worker-1", 0, 1),
                running(1, "slowDiff(3, 9, 1)", "worker-2", 1));
        assertThat(Timeline.of(calls).plain(40)).contains("worker-2 |" + " ".repeat(29) + ">\n");
        String later = Timeline.of(calls, Fixtures.nanos(2)).plain(40);
        assertThat(later).contains("worker-2 |" + " ".repeat(15) + "[#1 slowDiff==>\n")
                .contains("wall time 2 s so far, 1 still running");
    }

    @Test
    @DisplayName("says so when nothing was recorded")
    void empty() {
        assertThat(Timeline.of(List.of()).plain(80))
                .isEqualTo("Worker timeline: no slow calls recorded yet; run some, then ask again.\n");
    }

    @Test
    @DisplayName("writes an SVG with a rect, a tooltip and a label per call (shortened to fit), escaping what needs it")
    void svg(@TempDir Path dir) throws Exception {
        List<Call> calls = new ArrayList<>(Fixtures.lesson());
        calls.add(Fixtures.call(5, "slowAdd(\"<&>\", 1, 2)", "worker-3", 1, 2, Call.Outcome.RETURNED, null));
        Path file = Timeline.of(calls).writeSvg(dir.resolve("out/timeline.svg"));

        Document doc = parse(Files.readAllBytes(file));
        Element svg = doc.getDocumentElement();
        assertThat(svg.getLocalName()).isEqualTo("svg");
        assertThat(svg.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        List<Element> bars = byClass(doc, "rect", "bar");
        assertThat(bars).hasSize(calls.size());
        assertThat(bars).allSatisfy(bar -> assertThat(Double.parseDouble(bar.getAttribute("width"))).isPositive());
        assertThat(byClass(doc, "rect", "failed")).hasSize(1);
        assertThat(byClass(doc, "rect", "running")).hasSize(1);
        List<String> tooltips = new ArrayList<>();
        NodeList titles = doc.getElementsByTagNameNS("*", "title");
        for (int i = 0; i < titles.getLength(); i++) {
            tooltips.add(titles.item(i).getTextContent());
        }
        assertThat(tooltips).contains("#5 slowAdd(\"<&>\", 1, 2) on worker-3, 1 s to 2 s, returned",
                "#3 slowDiff(4.1, 5, 1) on worker-2, 2.1 s to now, still running");
        assertThat(byClass(doc, "text", "label")).extracting(Element::getTextContent)
                .contains("\u2717 #1 brokenFunction(2.1)", "#3 slowDiff(4.1, 5, 1) \u25b6", "#5 slowAdd\u2026");
        assertThat(byClass(doc, "text", "tick")).extracting(Element::getTextContent).contains("0.0", "2.5", "5.0");
        assertThat(Files.readString(file)).contains("&lt;&amp;&gt;");
    }

    static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    static List<Element> byClass(Document doc, String tag, String cls) {
        List<Element> found = new ArrayList<>();
        NodeList all = doc.getElementsByTagNameNS("*", tag);
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (List.of(e.getAttribute("class").split(" ")).contains(cls)) {
                found.add(e);
            }
        }
        return found;
    }
}
