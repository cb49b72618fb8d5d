package org.cacheway.cache.redis.client;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.cacheway.testsupport.RedisNode;

/**
 * The commands clients send to one server, as {@code MONITOR} reports them: what a test counts
 * round trips with. Commands that scripts run inside the server ({@code [db lua]}) are left out.
 */
final class MonitoredCommands implements AutoCloseable {
    private final Socket socket;
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Thread reader;

    private MonitoredCommands(Socket socket) {
        this.socket = socket;
        this.reader = new Thread(this::read, "monitor-" + socket.getPort());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts monitoring {@code node}; returns once the server acknowledged MONITOR. */
    static MonitoredCommands of(RedisNode node) throws IOException, InterruptedException {
        Socket socket = new Socket(node.host(), node.port());
        OutputStream out = socket.getOutputStream();
        out.write("MONITOR\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        MonitoredCommands monitor = new MonitoredCommands(socket);
        long deadline = System.currentTimeMillis() + 5_000;
        while (monitor.lines.stream().noneMatch("+OK"::equals) && System.currentTimeMillis() < deadline) {
            Thread.sleep(5);
        }
        return monitor;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            // closed by close()
        }
    }

    /** The client commands seen so far that mention {@code text} (a key), waiting up to 1 s for stragglers. */
    List<String> sentMentioning(String text) throws InterruptedException {
        Thread.sleep(200);
        return lines.stream().filter(line -> line.contains(text) && !line.contains(" lua] ")).toList();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
