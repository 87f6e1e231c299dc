package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.JdkHttpServer;
import workshop.common.TestClient;

/** The given server cleans up after itself; this passes before you write any code. */
@Tag("demo")
@DisplayName("1.0 close()")
class CloseTest {

    @Test
    @DisplayName("1.0 close() frees the port and leaves no server thread behind")
    void closeLeavesNothingBehind() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
        int port = server.port();
        try (TestClient client = new TestClient(server.uri())) {
            assertThat(client.get("/nowhere/").status()).isEqualTo(404);
        }

        server.close();

        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .as("connecting to the closed server's port").isInstanceOf(IOException.class);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(newServerThreads(before))
                .as("threads the server started and left running").isEmpty());
    }

    private static Set<String> newServerThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(name -> name.startsWith("HTTP-Dispatcher") || name.contains("idle-timeout"))
                .collect(Collectors.toSet());
    }
}
