package ai.perstack.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests Jetty rejects before they reach the API (oversized headers, illegal characters, bad
 * percent-encoding) and bodies that are not valid UTF-8 still get the JSON error body.
 */
class MalformedHttpTest extends ApiTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void oversizedHeadersAre431WithTheJsonErrorBody() throws IOException {
        String raw = "GET /api/v1/applications HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Pad: " + "p".repeat(20_000) + "\r\n\r\n";
        assertJsonError(send(raw.getBytes(StandardCharsets.ISO_8859_1)), 431);
    }

    @Test
    void aControlCharacterInAHeaderIs400WithTheJsonErrorBody() throws IOException {
        String raw = "GET /api/v1/applications HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Evil: a\u0001b\r\n\r\n";
        assertJsonError(send(raw.getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    void anEncodedNulInThePathIs400WithTheJsonErrorBody() throws IOException {
        String raw = "GET /api/v1/applications/%00 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
        assertJsonError(send(raw.getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    void aBodyThatIsNotValidUtf8Is400() throws IOException {
        String key = newOrg().key();
        // C0 AF is an overlong encoding of '/': invalid UTF-8 that lenient decoders accept.
        byte[] body = {'{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'};
        String head = "POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: " + body.length + "\r\n\r\n";
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes(head.getBytes(StandardCharsets.ISO_8859_1));
        request.writeBytes(body);
        String response = send(request.toByteArray());
        assertJsonError(response, 400);
        assertThat(response).contains("not valid UTF-8");
    }

    @Test
    void aBodyThatTricklesInIs408AndFreesTheRequestThread() throws Exception {
        String key = newOrg().key();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), platform().port())) {
            s.setSoTimeout(30_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 100000\r\n\r\n{\"name\":\"")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            // Ten bytes a second, far below the minimum rate, until the server gives up.
            String response = null;
            for (int i = 0; i < 20 && response == null; i++) {
                try {
                    out.write("xxxxxxxxxx".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                Thread.sleep(1_000);
                if (s.getInputStream().available() > 0) {
                    break;
                }
            }
            response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertJsonError(response, 408);
        }
    }

    @Test
    void aMalformedChunkedBodyIs400NotATimeout() throws IOException {
        String key = newOrg().key();
        String raw = "POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nConnection: close\r\nAuthorization: Bearer " + key
                + "\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "zz\r\n{\"name\":\"x\"}\r\n0\r\n\r\n";
        assertJsonError(send(raw.getBytes(StandardCharsets.ISO_8859_1)), 400);
    }

    @Test
    void aChunkedBodyCutOffByTheClientIsSaidToHaveEndedEarlyNotToBeMalformed() throws IOException {
        String key = newOrg().key();
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), platform().port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST /api/v1/applications HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + key
                    + "\r\nContent-Type: application/json; charset=utf-8\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "40\r\n{\"name\":\"cut").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            s.shutdownOutput();
            String response = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertJsonError(response, 400);
            assertThat(response).contains("ended early").doesNotContain("chunked encoding");
        }
    }

    private String send(byte[] request) throws IOException {
        try (Socket s = new Socket(InetAddress.getLoopbackAddress(), platform().port())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(request);
            out.flush();
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertJsonError(String response, int status) throws IOException {
        assertThat(response).startsWith("HTTP/1.1 " + status);
        int split = response.indexOf("\r\n\r\n");
        String head = response.substring(0, split).toLowerCase(java.util.Locale.ROOT);
        assertThat(head).contains("content-type: application/json");
        String body = response.substring(split + 4);
        if (head.contains("transfer-encoding: chunked")) {
            body = body.substring(body.indexOf("\r\n") + 2, body.lastIndexOf("\r\n0\r\n"));
        }
        JsonNode json = JSON.readTree(body);
        assertThat(json.path("code").asInt()).isEqualTo(status);
        assertThat(json.path("error").isTextual()).isTrue();
        assertThat(json.has("reason")).isTrue();
    }
}
