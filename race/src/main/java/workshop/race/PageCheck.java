package workshop.race;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Opens the race's page in a real browser (headless Chromium, driven over its DevTools protocol)
 * and checks what a projector would show: the page loads with no console error, and its SVG holds
 * one lane per model with exactly one bar per request the model served. It saves a screenshot
 * next to the page. Without a browser it says so and exits 0: the kit's tests never need one.
 *
 * <p>{@code race/check-page.sh} builds the race, runs it, and then this check.
 */
public final class PageCheck {
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern DEVTOOLS_URL = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    /** Counts, in the browser, every lane's bars and the number of requests the lane says it drew. */
    private static final String COUNT_BARS = """
            JSON.stringify([...document.querySelectorAll('svg#race g.lane')].map(lane => ({
              model: lane.dataset.model,
              requests: Number(lane.dataset.requests),
              bars: lane.querySelectorAll('rect.request').length
            })))""";

    private final BlockingQueue<Map<String, Object>> messages = new LinkedBlockingQueue<>();
    private final List<String> consoleErrors = new ArrayList<>();
    private WebSocket socket;
    private int nextId = 1;

    private PageCheck() {
    }

    public static void main(String[] arguments) throws Exception {
        if (arguments.length != 1) {
            System.err.println("usage: PageCheck PAGE.html");
            System.exit(2);
        }
        Path page = Path.of(arguments[0]).toAbsolutePath();
        String browser = findBrowser();
        if (browser == null) {
            System.out.println("page check: no Chromium or Chrome found (Debian: apt-get install chromium); nothing was checked.");
            return;
        }
        List<String> problems = new PageCheck().check(browser, page);
        if (problems.isEmpty()) {
            System.out.println("page check: OK");
        } else {
            problems.forEach(p -> System.out.println("page check: FAILED: " + p));
            System.exit(1);
        }
    }

    private static String findBrowser() {
        String chosen = System.getenv("CHROME");
        if (chosen != null && !chosen.isBlank()) {
            return chosen;
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : BROWSERS) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Path.of(dir, name).toString();
                }
            }
        }
        return null;
    }

    private List<String> check(String browser, Path page) throws Exception {
        Path profile = Files.createTempDirectory("page-check");
        Process chromium = new ProcessBuilder(browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "--window-size=1200,1600", "about:blank")
                .redirectErrorStream(true).start();
        try {
            String browserUrl = devToolsUrl(chromium);
            System.out.println("page check: " + browser + " " + version(browserUrl));
            connect(pageTarget(browserUrl));
            call("Runtime.enable", "{}");
            call("Log.enable", "{}");
            call("Page.enable", "{}");
            call("Page.navigate", "{\"url\": \"" + page.toUri() + "\"}");
            awaitEvent("Page.loadEventFired");
            List<String> problems = new ArrayList<>(lanes(page));
            Thread.sleep(200); // a console error reported just after the load event must not slip through
            drainEvents();
            consoleErrors.forEach(e -> problems.add("console error: " + e));
            saveScreenshot(page.resolveSibling(page.getFileName().toString().replaceAll("\\.html$", "") + ".png"));
            return problems;
        } finally {
            if (socket != null) {
                socket.abort();
            }
            chromium.destroy();
            if (!chromium.waitFor(10, TimeUnit.SECONDS)) {
                chromium.destroyForcibly();
            }
            deleteTree(profile);
        }
    }

    /** Every lane of the SVG has exactly as many bars as requests it says it drew; and there are lanes. */
    private List<String> lanes(Path page) throws Exception {
        Map<String, Object> result = call("Runtime.evaluate", "{\"expression\": " + quote(COUNT_BARS) + ", \"returnByValue\": true}");
        Map<?, ?> returned = (Map<?, ?>) result.get("result");
        Object counted = JsonReader.read((String) returned.get("value"));
        List<String> problems = new ArrayList<>();
        List<?> lanes = (List<?>) counted;
        if (lanes.isEmpty()) {
            problems.add("no lane in " + page);
        }
        for (Object item : lanes) {
            Map<?, ?> lane = (Map<?, ?>) item;
            long requests = Math.round((Double) lane.get("requests"));
            long bars = Math.round((Double) lane.get("bars"));
            System.out.printf("page check: %-40s %5d requests, %5d bars%n", lane.get("model"), requests, bars);
            if (requests != bars) {
                problems.add(lane.get("model") + ": " + bars + " bars for " + requests + " requests");
            }
        }
        return problems;
    }

    private void saveScreenshot(Path file) throws Exception {
        Map<String, Object> result = call("Page.captureScreenshot", "{\"format\": \"png\", \"captureBeyondViewport\": true}");
        Files.write(file, Base64.getDecoder().decode((String) result.get("data")));
        System.out.println("page check: screenshot " + file);
    }

    private static String devToolsUrl(Process chromium) throws IOException, InterruptedException {
        CompletableFuture<String> url = new CompletableFuture<>();
        Thread reader = Thread.ofVirtual().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(chromium.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    Matcher found = DEVTOOLS_URL.matcher(line);
                    if (found.find()) {
                        url.complete(found.group(1));
                    }
                }
                url.completeExceptionally(new IOException("the browser ended without opening its DevTools port"));
            } catch (IOException e) {
                url.completeExceptionally(e);
            }
        });
        try {
            return url.get(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (Exception e) {
            reader.interrupt();
            throw new IOException("the browser did not start: " + e.getMessage(), e);
        }
    }

    private static String version(String browserUrl) throws IOException, InterruptedException {
        Map<?, ?> version = (Map<?, ?>) JsonReader.read(httpGet(http(browserUrl, "/json/version")));
        return String.valueOf(version.get("Browser"));
    }

    /** The WebSocket address of the browser's first page (about:blank). */
    private static String pageTarget(String browserUrl) throws IOException, InterruptedException {
        for (Object target : (List<?>) JsonReader.read(httpGet(http(browserUrl, "/json/list")))) {
            Map<?, ?> description = (Map<?, ?>) target;
            if ("page".equals(description.get("type"))) {
                return (String) description.get("webSocketDebuggerUrl");
            }
        }
        throw new IOException("the browser has no page open");
    }

    private static URI http(String browserUrl, String path) {
        URI ws = URI.create(browserUrl);
        return URI.create("http://" + ws.getHost() + ":" + ws.getPort() + path);
    }

    private static String httpGet(URI uri) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(uri).timeout(STEP_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString()).body();
        }
    }

    private void connect(String pageUrl) {
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(pageUrl), new Listener()).join();
    }

    /** Sends one DevTools command and returns its result, remembering the events that arrive meanwhile. */
    private Map<String, Object> call(String method, String params) throws Exception {
        int id = nextId++;
        socket.sendText("{\"id\": " + id + ", \"method\": \"" + method + "\", \"params\": " + params + "}", true).join();
        while (true) {
            Map<String, Object> message = next(method);
            if (message.get("id") instanceof Double answer && answer.intValue() == id) {
                if (message.containsKey("error")) {
                    throw new IOException(method + " failed: " + message.get("error"));
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> result = (Map<String, Object>) message.get("result");
                return result;
            }
            noteEvent(message);
        }
    }

    private void awaitEvent(String method) throws Exception {
        while (true) {
            Map<String, Object> message = next(method);
            if (method.equals(message.get("method"))) {
                return;
            }
            noteEvent(message);
        }
    }

    private void drainEvents() {
        Map<String, Object> message;
        while ((message = messages.poll()) != null) {
            noteEvent(message);
        }
    }

    private Map<String, Object> next(String waitingFor) throws Exception {
        Map<String, Object> message = messages.poll(STEP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (message == null) {
            throw new IOException("no answer from the browser within " + STEP_TIMEOUT.toSeconds() + " s (waiting for " + waitingFor + ")");
        }
        return message;
    }

    /** Console errors, uncaught exceptions and error log entries all count against the page. */
    private void noteEvent(Map<String, Object> message) {
        Object method = message.get("method");
        Map<?, ?> params = (Map<?, ?>) message.get("params");
        if ("Runtime.exceptionThrown".equals(method)) {
            Map<?, ?> details = (Map<?, ?>) params.get("exceptionDetails");
            Map<?, ?> exception = (Map<?, ?>) details.get("exception");
            consoleErrors.add(details.get("text") + (exception == null ? "" : " " + exception.get("description")));
        } else if ("Runtime.consoleAPICalled".equals(method) && "error".equals(params.get("type"))) {
            consoleErrors.add(((List<?>) params.get("args")).stream()
                    .map(arg -> String.valueOf(((Map<?, ?>) arg).get("value"))).collect(Collectors.joining(" ")));
        } else if ("Log.entryAdded".equals(method)) {
            Map<?, ?> entry = (Map<?, ?>) params.get("entry");
            if ("error".equals(entry.get("level"))) {
                consoleErrors.add(entry.get("text") + " (" + entry.get("url") + ")");
            }
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                @SuppressWarnings("unchecked")
                Map<String, Object> message = (Map<String, Object>) JsonReader.read(partial.toString());
                messages.add(message);
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it up eventually
        }
    }
}
