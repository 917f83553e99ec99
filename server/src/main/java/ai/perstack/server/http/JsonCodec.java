package ai.perstack.server.http;

import ai.perstack.server.domain.ApiException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Strict JSON in, compact JSON out. Parse errors report only a position: Jackson's own
 * messages quote the input, which may contain a secret value. Parsed bodies are held to
 * {@link JsonText}'s rules (no NUL, no lone surrogate, bounded nesting).
 */
final class JsonCodec {
    private final ObjectMapper mapper = JsonMapper.builder(com.fasterxml.jackson.core.JsonFactory.builder()
                    // Refuse deeper documents while parsing; JsonText names the rule.
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(JsonText.MAX_DEPTH + 1).build())
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    ObjectMapper mapper() {
        return mapper;
    }

    JsonNode parse(byte[] body) {
        String text;
        try {
            // Jackson decodes some invalid UTF-8 leniently (overlong forms such as C0 AF), so check it first.
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiException.badRequest("malformed JSON: the body is not valid UTF-8");
        }
        try (JsonParser parser = mapper.createParser(text)) {
            JsonNode node = mapper.readTree(parser);
            if (node == null) {
                throw ApiException.badRequest("malformed JSON: the body is empty");
            }
            if (parser.nextToken() != null) {
                throw ApiException.badRequest("malformed JSON: unexpected content after the JSON value");
            }
            JsonText.check(node);
            return node;
        } catch (StreamConstraintsException e) {
            throw ApiException.invalid("body", JsonText.DEPTH_RULE);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            String what = e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate field")
                    ? "duplicate field" : "malformed JSON";
            throw ApiException.badRequest(what + where);
        } catch (IOException e) {
            throw ApiException.badRequest("malformed JSON");
        }
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response could not be serialized", e);
        }
    }
}
