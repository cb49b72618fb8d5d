package org.cacheway.session.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Holds the body back until the session logic has set its headers. Every commit point (a flush,
 * a full buffer, the declared content length reached, {@code sendError}, {@code sendRedirect},
 * {@code flushBuffer}, closing the stream, the end of the request) first runs the filter's hook
 * once, then lets the bytes through; the hook may replace the response with an error instead.
 */
final class SessionResponse extends HttpServletResponseWrapper {
    private final Runnable beforeCommit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final HeldStream stream = new HeldStream();
    private PrintWriter writer;
    private boolean streamUsed;
    private boolean hookRan;
    private boolean passThrough;
    private boolean replaced;
    private long contentLength = -1;

    SessionResponse(HttpServletResponse response, Runnable beforeCommit) {
        super(response);
        this.beforeCommit = beforeCommit;
    }

    /** Runs the hook if it has not run yet. */
    void runHook() {
        if (!hookRan) {
            hookRan = true;
            beforeCommit.run();
        }
    }

    /** Whether the hook already ran (the headers are final). */
    boolean hookRan() {
        return hookRan;
    }

    /** Replaces the whole response (headers included) with a plain-text error; later output is dropped. */
    void replaceWith(int status, String message) throws IOException {
        replaced = true;
        buffer.reset();
        HttpServletResponse response = (HttpServletResponse) getResponse();
        response.reset();
        response.setStatus(status);
        response.setContentType("text/plain;charset=utf-8");
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
        passThrough = true;
    }

    /** Ends the response: hook, held bytes out, flushed. */
    void finish() throws IOException {
        runHook();
        if (writer != null) {
            writer.flush();
        }
        release();
        if (!replaced && streamUsed) {
            getResponse().getOutputStream().flush();
        }
    }

    private void release() throws IOException {
        runHook();
        if (!passThrough) {
            passThrough = true;
            if (buffer.size() > 0 && !replaced) {
                getResponse().getOutputStream().write(buffer.toByteArray());
            }
            buffer.reset();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (writer != null) {
            throw new IllegalStateException("getWriter() has already been called on this response");
        }
        streamUsed = true;
        return stream;
    }

    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            if (streamUsed) {
                throw new IllegalStateException("getOutputStream() has already been called on this response");
            }
            String encoding = getCharacterEncoding();
            setCharacterEncoding(encoding);
            streamUsed = true;
            writer = new PrintWriter(new OutputStreamWriter(stream, Charset.forName(encoding)));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (writer != null) {
            writer.flush();
        }
        release();
        if (!replaced) {
            super.flushBuffer();
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        runHook();
        if (!replaced) {
            buffer.reset();
            passThrough = true;
            super.sendError(sc, msg);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        runHook();
        if (!replaced) {
            buffer.reset();
            passThrough = true;
            super.sendError(sc);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        sendRedirect(location, SC_FOUND, true);
    }

    @Override
    public void sendRedirect(String location, int sc) throws IOException {
        sendRedirect(location, sc, true);
    }

    @Override
    public void sendRedirect(String location, boolean clearBuffer) throws IOException {
        sendRedirect(location, SC_FOUND, clearBuffer);
    }

    @Override
    public void sendRedirect(String location, int sc, boolean clearBuffer) throws IOException {
        runHook();
        if (replaced) {
            return;
        }
        if (clearBuffer) {
            buffer.reset();
        }
        release();
        if (sc == SC_FOUND && clearBuffer) {
            // The Servlet 6.0 method, so containers without the 6.1 overloads (Jetty 12 ee10) work too.
            super.sendRedirect(location);
            return;
        }
        try {
            super.sendRedirect(location, sc, clearBuffer);
        } catch (AbstractMethodError servlet60) {
            // A Servlet 6.0 container: redirect by hand with the requested status.
            setStatus(sc);
            setHeader("Location", location);
            super.flushBuffer();
        }
    }

    @Override
    public void reset() {
        if (!passThrough) {
            buffer.reset();
        }
        super.reset();
    }

    @Override
    public void resetBuffer() {
        if (passThrough) {
            super.resetBuffer();
        } else {
            buffer.reset();
        }
    }

    @Override
    public void setBufferSize(int size) {
        if (buffer.size() > 0) {
            throw new IllegalStateException("setBufferSize() after content was written");
        }
        super.setBufferSize(size);
    }

    @Override
    public boolean isCommitted() {
        return passThrough || super.isCommitted();
    }

    @Override
    public void setContentLength(int length) {
        setContentLengthLong(length);
    }

    @Override
    public void setContentLengthLong(long length) {
        contentLength = length;
        super.setContentLengthLong(length);
    }

    @Override
    public void setHeader(String name, String value) {
        trackLength(name, value);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        trackLength(name, value);
        super.addHeader(name, value);
    }

    private void trackLength(String name, String value) {
        if ("Content-Length".equalsIgnoreCase(name)) {
            try {
                contentLength = value == null ? -1 : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                contentLength = -1;
            }
        }
    }

    /** The output stream handed to the application: buffers until a commit point, then passes through. */
    private final class HeldStream extends ServletOutputStream {
        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            if (replaced) {
                return;
            }
            if (passThrough) {
                getResponse().getOutputStream().write(bytes, offset, length);
                return;
            }
            buffer.write(bytes, offset, length);
            if (buffer.size() >= Math.max(getBufferSize(), 1)
                    || contentLength >= 0 && buffer.size() >= contentLength) {
                release();
            }
        }

        @Override
        public void flush() throws IOException {
            release();
            if (!replaced) {
                getResponse().getOutputStream().flush();
            }
        }

        @Override
        public void close() throws IOException {
            release();
            if (!replaced) {
                getResponse().getOutputStream().close();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            throw new IllegalStateException("Non-blocking output is not supported behind the session filter");
        }
    }
}
