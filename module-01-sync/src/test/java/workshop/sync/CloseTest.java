package workshop.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import workshop.common.ClosedServer;
import workshop.common.JdkHttpServer;
import workshop.common.TestClient;

/** The given server cleans up after itself; this passes before you write any code. */
@Tag("demo")
@DisplayName("1.0 close()")
class CloseTest {

    @Test
    @DisplayName("1.0 close() frees the port and leaves no server thread behind")
    void closeLeavesNothingBehind() throws Exception {
        Set<Thread> before = ClosedServer.threadsNow();
        JdkHttpServer server = SyncServer.start(new InetSocketAddress("127.0.0.1", 0), null);
        int port = server.port();
        try (TestClient client = new TestClient(server.uri())) {
            assertThat(client.get("/nowhere/").status()).isEqualTo(404);
        }

        server.close();

        ClosedServer.assertLeftNothing(port, before);
    }
}
