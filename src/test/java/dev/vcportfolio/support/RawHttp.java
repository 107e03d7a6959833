package dev.vcportfolio.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Talks HTTP/1.1 over a plain socket, for requests an HTTP client library will not send (lying headers, bodies that
 * never come) and for reading an answer the server gives before the body.
 */
public final class RawHttp {

    private RawHttp() {}

    public record Response(int status, String headers, String body) {
        public String header(String name) {
            for (String line : headers.split("\\r\\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return "";
        }
    }

    public static int port() {
        return ConfigProvider.getConfig()
                .getOptionalValue("quarkus.http.test-port", Integer.class)
                .orElse(8081);
    }

    /**
     * Sends the raw request text and reads the whole response until the server closes or 10 s pass. A request without
     * an Authorization header gets the test token's (TestTokens), like every RestAssured request.
     */
    public static Response send(String request) throws IOException {
        return sendAsIs(withToken(request));
    }

    /** Sends the raw request text exactly as given. */
    public static Response sendAsIs(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    static String withToken(String request) {
        int lineEnd = request.indexOf("\r\n");
        int headEnd = request.indexOf("\r\n\r\n");
        String head = (headEnd < 0 ? request : request.substring(0, headEnd)).toLowerCase(Locale.ROOT);
        if (lineEnd < 0 || head.contains("\r\nauthorization:")) {
            return request;
        }
        return request.substring(0, lineEnd + 2)
                + TestTokens.AUTHORIZATION + ": " + TestTokens.bearer(TestTokens.TOKEN) + "\r\n"
                + request.substring(lineEnd + 2);
    }

    private static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = in.read(buffer)) > 0) {
                out.write(buffer, 0, n);
                String text = out.toString(StandardCharsets.UTF_8);
                if (responseComplete(text)) {
                    break;
                }
            }
        } catch (java.net.SocketTimeoutException e) {
            // whatever arrived is the answer
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** Whether a raw HTTP/1.1 answer has its headers and as many body bytes as its Content-Length says. */
    public static boolean responseComplete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String headers = text.substring(0, end).toLowerCase(Locale.ROOT);
        int at = headers.indexOf("content-length:");
        if (at < 0) {
            return false;
        }
        int lineEnd = headers.indexOf("\r\n", at);
        long length = Long.parseLong(headers.substring(at + 15, lineEnd < 0 ? headers.length() : lineEnd)
                .trim());
        return text.length() - end - 4 >= length;
    }

    private static Response parse(String raw) {
        int end = raw.indexOf("\r\n\r\n");
        String head = end < 0 ? raw : raw.substring(0, end);
        String body = end < 0 ? "" : raw.substring(end + 4);
        String statusLine = head.lines().findFirst().orElse("");
        String[] parts = statusLine.split(" ");
        int status = parts.length > 1 ? Integer.parseInt(parts[1]) : -1;
        return new Response(status, head, body);
    }
}
