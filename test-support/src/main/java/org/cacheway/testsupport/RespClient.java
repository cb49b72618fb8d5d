package org.cacheway.testsupport;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A tiny blocking RESP2 client for admin commands (PING, INFO, SENTINEL, CLUSTER, FLUSHALL...); not
 * thread-safe. Replies are {@link String}, {@link Long}, {@link java.util.List} or {@code null}; error
 * replies throw {@link RespException}.
 */
public final class RespClient implements AutoCloseable {

    /** Timeout used by {@link #connect(String, int)} for both connecting and reading a reply. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    private final Socket socket;
    private final OutputStream out;
    private final RespReader reader;

    private RespClient(Socket socket) throws IOException {
        this.socket = socket;
        this.out = new BufferedOutputStream(socket.getOutputStream());
        this.reader = new RespReader(new BufferedInputStream(socket.getInputStream()));
    }

    /** Connects to {@code host:port} with the {@link #DEFAULT_TIMEOUT}. */
    public static RespClient connect(String host, int port) {
        return connect(host, port, DEFAULT_TIMEOUT);
    }

    /** Connects to {@code host:port}; {@code timeout} bounds the connect and every reply. */
    public static RespClient connect(String host, int port, Duration timeout) {
        Socket socket = new Socket();
        try {
            int millis = (int) timeout.toMillis();
            socket.setSoTimeout(millis);
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(host, port), millis);
            return new RespClient(socket);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException("cannot connect to Redis at " + host + ":" + port + ": " + e, e);
        }
    }

    /**
     * Sends one command (arguments are sent as bulk strings via {@code String.valueOf}, or raw if
     * {@code byte[]}) and returns the reply.
     *
     * @throws RespException on an error reply
     * @throws UncheckedIOException on a network error or timeout
     */
    public Object call(Object... args) {
        try {
            out.write(encode(args));
            out.flush();
            Object reply = reader.read();
            if (reply instanceof RespException) {
                RespException error = (RespException) reply;
                throw new RespException(error.getMessage());
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException("Redis command " + (args.length > 0 ? args[0] : "") + " to "
                    + socket.getRemoteSocketAddress() + " failed: " + e, e);
        }
    }

    /** Closes the connection. */
    @Override
    public void close() {
        closeQuietly(socket);
    }

    static byte[] encode(Object... args) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        writeAscii(buffer, "*" + args.length + "\r\n");
        for (Object arg : args) {
            byte[] bytes = arg instanceof byte[] ? (byte[]) arg
                    : String.valueOf(arg).getBytes(StandardCharsets.UTF_8);
            writeAscii(buffer, "$" + bytes.length + "\r\n");
            buffer.writeBytes(bytes);
            writeAscii(buffer, "\r\n");
        }
        return buffer.toByteArray();
    }

    private static void writeAscii(ByteArrayOutputStream buffer, String text) {
        buffer.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
