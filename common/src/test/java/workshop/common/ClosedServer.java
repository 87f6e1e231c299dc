package workshop.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Collectors;

/** Checks that a closed {@link JdkHttpServer} left nothing behind: no listening port, no server thread. */
public final class ClosedServer {
    private ClosedServer() {
    }

    /** The live threads now; take it before starting the server. */
    public static Set<Thread> threadsNow() {
        return Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** The port refuses connections, and every server thread started since {@code before} has ended. */
    public static void assertLeftNothing(int port, Set<Thread> before) {
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close())
                .as("connecting to the closed server's port").isInstanceOf(IOException.class);
        await("every thread the closed server started to end").atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(newServerThreads(before)).as("threads the server started and left running").isEmpty());
    }

    private static Set<String> newServerThreads(Set<Thread> before) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> !before.contains(t) && t.isAlive())
                .map(Thread::getName)
                .filter(name -> name.startsWith("HTTP-Dispatcher") || name.contains("idle-timeout"))
                .collect(Collectors.toSet());
    }
}
