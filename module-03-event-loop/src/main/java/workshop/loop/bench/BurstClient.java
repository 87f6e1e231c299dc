package workshop.loop.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import workshop.common.Args;

/**
 * "One burst": N clients each send one {@code GET /slow/?ms=d} at the same moment, on their own
 * connection; the wall time runs from the first connect to the last complete answer, and
 * efficiency = d / wall (1.0 would mean every request waited side by side and nothing else).
 *
 * <p>Each client is a virtual thread with a plain blocking socket, so the client itself can hold
 * 10,000 connections. Run it in its own process, after a warm-up burst:
 * {@code java -cp target/solutions/classes workshop.loop.bench.BurstClient --port 8081 --requests 1000 --ms 1000}
 */
public final class BurstClient {
    private BurstClient() {
    }

    public static void main(String[] arguments) throws Exception {
        Args args = new Args(arguments);
        int port = args.number("port", 8081);
        int requests = args.number("requests", 1000);
        int ms = args.number("ms", 1000);
        int warmUp = args.number("warmup", Math.min(requests, 1000));
        String label = args.text("label", "port " + port);
        burst(port, warmUp, ms); // JIT, connection paths and thread pools warm on both sides
        long[] result = burst(port, requests, ms);
        double wallMs = result[0] / 1_000_000.0;
        System.out.printf("%-30s N=%-6d d=%-5d wall=%7.0f ms  efficiency=%.2f  errors=%d%n",
                label, requests, ms, wallMs, ms / wallMs, result[1]);
    }

    /** Returns {wall nanos, failed requests}. */
    static long[] burst(int port, int requests, int ms) throws Exception {
        byte[] request = ("GET /slow/?ms=" + ms + " HTTP/1.1\r\nHost: bench\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        long start = System.nanoTime();
        long failed = 0;
        try (var clients = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Boolean>> answers = new ArrayList<>(requests);
            for (int i = 0; i < requests; i++) {
                answers.add(clients.submit(() -> exchange(port, request)));
            }
            for (Future<Boolean> answer : answers) {
                try {
                    failed += answer.get() ? 0 : 1;
                } catch (Exception e) {
                    failed++;
                }
            }
        }
        return new long[] {System.nanoTime() - start, failed};
    }

    /** One client: connect, send, read the whole answer; true for a 200. */
    private static boolean exchange(int port, byte[] request) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 60_000);
            socket.setSoTimeout(120_000);
            OutputStream out = socket.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = in.readAllBytes(); // Connection: close, so the answer ends with the stream
            socket.setSoLinger(true, 0);       // no TIME_WAIT pile-up across bursts of 10,000
            return answer.length > 12 && new String(answer, 0, 12, StandardCharsets.US_ASCII).equals("HTTP/1.1 200");
        }
    }
}
