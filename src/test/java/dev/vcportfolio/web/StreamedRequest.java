package dev.vcportfolio.web;

import dev.vcportfolio.support.RawHttp;
import dev.vcportfolio.support.TestTokens;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One request over a raw socket whose body is written by a second thread while this one reads the answer: for bodies
 * the server may answer before they end (100 MB, with or without Content-Length), and for bodies that arrive slowly
 * or never. Says what the server answered, when, how much of the body it had been sent by then, and whether it closed
 * the connection.
 */
final class StreamedRequest {

    /**
     * Writes a body: {@code length} bytes (declared, unless chunked) from {@code content}, paced at
     * {@code bytesPerSecond} (0: full speed), of which only the first {@code stallAfter} are ever sent.
     */
    record Body(long length, boolean chunked, BodyContent content, long bytesPerSecond, long stallAfter) {
        Body(long length, boolean chunked, BodyContent content, long bytesPerSecond) {
            this(length, chunked, content, bytesPerSecond, length);
        }
    }

    /** The byte at each offset of a generated body. */
    @FunctionalInterface
    interface BodyContent {
        void fill(long offset, byte[] buffer, int count);
    }

    /**
     * The answer: status (-1 when the server closed without one), when it came (or the connection closed), the bytes
     * of the body written by then, and whether the server closed the connection within the wait.
     */
    record Outcome(int status, String headers, String body, long millis, long bytesSent, boolean closed) {
        String contentType() {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return line.substring(13).trim();
                }
            }
            return "";
        }
    }

    private StreamedRequest() {}

    /**
     * Whether the server closes after a complete answer is looked for during half a second only: informational, for
     * requests where it may keep the connection.
     */
    static Outcome post(String path, String contentType, Body body, Duration wait) throws Exception {
        return post(path, contentType, body, wait, Duration.ofMillis(500));
    }

    /**
     * Waits up to {@code wait} for the answer, then up to {@code closeWait} for the server to close the connection
     * after a complete answer.
     */
    static Outcome post(String path, String contentType, Body body, Duration wait, Duration closeWait)
            throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RawHttp.port())) {
            socket.setSoTimeout((int) wait.toMillis());
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\n" + TestTokens.AUTHORIZATION + ": "
                    + TestTokens.bearer(TestTokens.TOKEN) + "\r\nContent-Type: " + contentType + "\r\n"
                    + (body.chunked() ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + body.length() + "\r\n")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            // before the head is written: the server's timers start once it has the head, so no answer can be
            // measured as earlier than they are set for, however long this thread waits to run again
            long started = System.nanoTime();
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            AtomicLong sent = new AtomicLong();
            Thread writer = Thread.ofPlatform().daemon().start(() -> write(out, body, sent, started));
            try {
                return read(socket, started, sent, closeWait);
            } finally {
                writer.interrupt();
            }
        }
    }

    private static void write(OutputStream out, Body body, AtomicLong sent, long started) {
        byte[] buffer = new byte
                [body.bytesPerSecond() > 0 ? (int) Math.max(1, Math.min(65_536, body.bytesPerSecond() / 10)) : 65_536];
        long end = Math.min(body.length(), body.stallAfter());
        try {
            for (long offset = 0; offset < end && !Thread.currentThread().isInterrupted(); ) {
                int count = (int) Math.min(buffer.length, end - offset);
                body.content().fill(offset, buffer, count);
                if (body.chunked()) {
                    out.write((Integer.toHexString(count) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write(buffer, 0, count);
                if (body.chunked()) {
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                offset += count;
                sent.set(offset);
                if (body.bytesPerSecond() > 0) {
                    long due = started + offset * 1_000_000_000L / body.bytesPerSecond();
                    long ahead = due - System.nanoTime();
                    if (ahead > 0) {
                        Thread.sleep(ahead / 1_000_000, (int) (ahead % 1_000_000));
                    }
                }
            }
            if (body.chunked() && end == body.length()) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            out.flush();
        } catch (IOException | InterruptedException e) {
            // the server answered and closed, or the test is over
        }
    }

    /** Reads until the answer is complete, the server closes, or the wait passes. */
    private static Outcome read(Socket socket, long started, AtomicLong sent, Duration closeWait) throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean closed = false;
        long answered = -1;
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                received.write(buffer, 0, n);
                if (answered < 0) {
                    answered = System.nanoTime();
                }
                if (RawHttp.responseComplete(received.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
            closed = n < 0;
        } catch (SocketTimeoutException e) {
            // not closed within the wait
        } catch (IOException reset) {
            closed = true;
        }
        long millis = ((answered < 0 ? System.nanoTime() : answered) - started) / 1_000_000;
        long bytesSent = sent.get();
        if (!closed && received.size() > 0) {
            closed = closesAfterAnswer(socket, closeWait);
        }
        String raw = received.toString(StandardCharsets.UTF_8);
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String[] statusLine = head.lines().findFirst().orElse("").split(" ");
        int status = statusLine.length > 1 ? Integer.parseInt(statusLine[1]) : -1;
        return new Outcome(status, head, end < 0 ? "" : raw.substring(end + 4), millis, bytesSent, closed);
    }

    /** After a complete answer: whether the server closes the connection within {@code wait}. */
    private static boolean closesAfterAnswer(Socket socket, Duration wait) {
        try {
            byte[] rest = new byte[8192];
            long until = System.nanoTime() + wait.toNanos();
            // reads block for what is left of the wait; bytes after the answer (there should be none) are skipped
            for (long left = wait.toMillis(); left > 0; left = (until - System.nanoTime()) / 1_000_000) {
                socket.setSoTimeout((int) left);
                if (socket.getInputStream().read(rest) < 0) {
                    return true;
                }
            }
            return false;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    /** {@code prefix}, then {@code filler} repeated: JSON that never ends. */
    static BodyContent text(String prefix, String filler) {
        byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
        byte[] fill = filler.getBytes(StandardCharsets.UTF_8);
        return (offset, buffer, count) -> {
            for (int i = 0; i < count; i++) {
                long at = offset + i;
                buffer[i] = at < head.length ? head[(int) at] : fill[(int) ((at - head.length) % fill.length)];
            }
        };
    }

    /** Seeded random bytes: invalid UTF-8 and no JSON. */
    static BodyContent garbage() {
        byte[] block = new byte[1 << 16];
        new SplittableRandom(7).nextBytes(block);
        return (offset, buffer, count) -> {
            for (int i = 0; i < count; i++) {
                buffer[i] = block[(int) ((offset + i) & 0xFFFF)];
            }
        };
    }
}
