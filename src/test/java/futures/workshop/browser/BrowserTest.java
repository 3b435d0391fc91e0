package futures.workshop.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openqa.selenium.support.ui.ExpectedConditions.textToBe;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * {@link Browser} on a page that changes after it loaded, as the live class board does: its script
 * listens to the server's events and writes the one it gets into the page.
 */
@DisplayName("Headless Chromium through Selenium (the browser for live pages)")
class BrowserTest {
    private static final String PAGE = """
            <!DOCTYPE html><html><head><meta charset="utf-8"><title>board</title></head><body>
            <p id="state">waiting</p>
            <script>
              var events = new EventSource('/events');
              events.onmessage = function (e) {
                document.getElementById('state').textContent = e.data;
                events.close(); // one message is the whole test; the board would keep listening
              };
            </script>
            </body></html>
            """;
    private static final String EVENT = "3 of 3 futures done";
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private HttpServer server;

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (exchange.getRequestURI().getPath().equals("/")) {
                send(exchange, "text/html; charset=utf-8", PAGE);
            } else {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
            }
        });
        server.createContext("/events", exchange -> send(exchange, "text/event-stream", "data: " + EVENT + "\n\n"));
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    @DisplayName("shows what the page's script got from the server, in a 1280-pixel-wide viewport, and takes a screenshot")
    void pageChangedByItsScript(@TempDir Path dir) throws IOException {
        try (Browser browser = Browser.open()) {
            browser.driver().get("http://127.0.0.1:" + server.getAddress().getPort() + "/");
            browser.waitFor(Duration.ofSeconds(10), textToBe(By.id("state"), EVENT));
            assertThat(browser.driver().findElement(By.id("state")).getText()).isEqualTo(EVENT);
            assertThat(browser.script("return window.innerWidth")).as("the viewport's width").isEqualTo((long) Browser.WIDTH);

            Path png = dir.resolve("board.png");
            browser.screenshot(png);
            assertThat(png).isRegularFile();
            byte[] bytes = Files.readAllBytes(png);
            assertThat(Arrays.copyOf(bytes, PNG_SIGNATURE.length)).as("the file's first bytes").isEqualTo(PNG_SIGNATURE);
            // the header chunk comes first: its width, a big-endian int, is at byte 16
            assertThat(ByteBuffer.wrap(bytes, 16, 4).getInt()).as("the picture's width").isEqualTo(Browser.WIDTH);
        }
    }

    private static void send(HttpExchange exchange, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(200, bytes.length);
        try (exchange) {
            exchange.getResponseBody().write(bytes);
        }
    }
}
