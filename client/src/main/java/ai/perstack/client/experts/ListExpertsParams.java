package ai.perstack.client.experts;

import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;

import java.util.Map;

/**
 * Query of {@code experts.list}; every field is optional.
 *
 * @param filter        substring of the name or description
 * @param category      general, coding, research, writing, data or automation
 * @param includeDrafts also list scopes that have drafts but no version
 * @param limit         page size, 1..100
 * @param offset        items to skip, >= 0
 */
public record ListExpertsParams(String filter, String category, Boolean includeDrafts, Integer limit, Integer offset) {

    /**
     * Server defaults.
     *
     * @return parameters that send nothing
     */
    public static ListExpertsParams none() {
        return new ListExpertsParams(null, null, null, null, null);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    void check(Check check) {
        check.range("limit", limit, 1, 100).range("offset", offset, 0, Integer.MAX_VALUE);
        if (category != null && !ExpertCategory.of(category).isKnown()) {
            check.problem("category", "must be one of automation, coding, data, general, research, writing");
        }
    }

    Map<String, String> query() {
        return Call.params().add("filter", filter).add("category", category).add("includeDrafts", includeDrafts)
                .add("limit", limit).add("offset", offset).build();
    }

    /** Builds {@link ListExpertsParams}. */
    public static final class Builder {
        private String filter;
        private String category;
        private Boolean includeDrafts;
        private Integer limit;
        private Integer offset;

        private Builder() {
        }

        /**
         * Name or description substring.
         *
         * @param filter substring of the name or description
         * @return this builder
         */
        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        /**
         * Category by wire value.
         *
         * @param category general, coding, research, writing, data or automation
         * @return this builder
         */
        public Builder category(String category) {
            this.category = category;
            return this;
        }

        /**
         * Category.
         *
         * @param category general, coding, research, writing, data or automation
         * @return this builder
         */
        public Builder category(ExpertCategory category) {
            this.category = category == null ? null : category.value();
            return this;
        }

        /**
         * Also list scopes without versions.
         *
         * @param includeDrafts also list scopes that have drafts but no version
         * @return this builder
         */
        public Builder includeDrafts(boolean includeDrafts) {
            this.includeDrafts = includeDrafts;
            return this;
        }

        /**
         * Page size, 1..100.
         *
         * @param limit page size, 1..100
         * @return this builder
         */
        public Builder limit(int limit) {
            this.limit = limit;
            return this;
        }

        /**
         * Items to skip.
         *
         * @param offset items to skip, >= 0
         * @return this builder
         */
        public Builder offset(int offset) {
            this.offset = offset;
            return this;
        }

        /** {@return the params} */
        public ListExpertsParams build() {
            return new ListExpertsParams(filter, category, includeDrafts, limit, offset);
        }
    }
}
