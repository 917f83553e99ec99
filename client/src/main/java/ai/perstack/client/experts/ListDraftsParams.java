package ai.perstack.client.experts;

import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;

import java.util.Map;

/**
 * Query of {@code experts.drafts.list}.
 *
 * @param limit  page size, 1..100
 * @param offset items to skip, >= 0
 */
public record ListDraftsParams(Integer limit, Integer offset) {

    /**
     * Server defaults.
     *
     * @return parameters that send nothing
     */
    public static ListDraftsParams none() {
        return new ListDraftsParams(null, null);
    }

    /**
     * A page.
     *
     * @param limit page size, 1..100
     * @param offset items to skip, >= 0
     * @return a page
     */
    public static ListDraftsParams of(int limit, int offset) {
        return new ListDraftsParams(limit, offset);
    }

    void check(Check check) {
        check.range("limit", limit, 1, 100).range("offset", offset, 0, Integer.MAX_VALUE);
    }

    Map<String, String> query() {
        return Call.params().add("limit", limit).add("offset", offset).build();
    }
}
