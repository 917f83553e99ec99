package ai.perstack.client;

import ai.perstack.client.internal.JsonIn;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.OptionalInt;

/**
 * The {@code meta} of a list response: the total count, and the page that was returned
 * ({@code take}/{@code skip} for applications, jobs and checkpoints; {@code limit}/{@code offset}
 * for experts and drafts; neither for secrets, variables and versions).
 *
 * @param total  how many items match, across all pages
 * @param take   page size, when the list is paged by take/skip
 * @param skip   items skipped, when the list is paged by take/skip
 * @param limit  page size, when the list is paged by limit/offset
 * @param offset items skipped, when the list is paged by limit/offset
 * @param json   the meta object as received, unknown fields included
 */
public record ListMeta(long total, OptionalInt take, OptionalInt skip, OptionalInt limit, OptionalInt offset, JsonNode json) {

    /**
     * Reads a meta object.
     *
     * @param in the JSON object to read
     * @return the {@code ListMeta} read from {@code in}
     */
    @SuppressWarnings("exports") // used by the client across its packages; JsonIn is not API
    public static ListMeta read(JsonIn in) {
        return new ListMeta(in.integer("total"), optInt(in, "take"), optInt(in, "skip"),
                optInt(in, "limit"), optInt(in, "offset"), in.node());
    }

    private static OptionalInt optInt(JsonIn in, String field) {
        return in.node().has(field) && !in.node().get(field).isNull()
                ? OptionalInt.of((int) in.integer(field)) : OptionalInt.empty();
    }
}
