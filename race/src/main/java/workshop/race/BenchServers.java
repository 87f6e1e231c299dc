package workshop.race;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import workshop.common.Args;
import workshop.common.RaceModel;
import workshop.common.RaceServer;

/**
 * Every model of the kit's race, each on its own port, for {@code bench-all.sh} to measure with
 * {@code wrk}: one JVM, started once, so every model gets the same warm JIT.
 *
 * <p>Ports from {@code --port} (default 8091) upwards, in the race's order. For each model it
 * prints one line, {@code PORT<TAB>HELLO_PATH<TAB>WAIT_PATH<TAB>NAME}, then {@code ready}.
 * {@code --ms} (default 100) is how long each request on a waiting path waits.
 */
public final class BenchServers {
    private BenchServers() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        int port = args.number("port", 8091);
        int ms = args.number("ms", 100);
        List<RaceServer> servers = new ArrayList<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> servers.forEach(BenchServers::closeQuietly)));
        for (RaceModel model : KitRace.models()) {
            RaceServer server = model.starter().start(new InetSocketAddress("127.0.0.1", port), ms);
            servers.add(server);
            System.out.printf("%d\t%s\t%s\t%s%n", port++, server.helloPath(), server.waitPath(), model.name());
        }
        System.out.println("ready");
        Thread.currentThread().join(); // serve until the script stops this JVM
    }

    private static void closeQuietly(RaceServer server) {
        try {
            server.close();
        } catch (Exception e) {
            System.err.println("closing " + server.uri() + ": " + e);
        }
    }
}
