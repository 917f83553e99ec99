package ai.perstack.client.jobs;

import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Query of {@code jobs.list}; every field is optional.
 *
 * @param take   page size, 1..100
 * @param skip   items to skip, >= 0
 * @param sort   {@code createdAt} or {@code updatedAt}
 * @param order  {@code asc} or {@code desc}
 * @param filter space-separated {@code field:value} terms, fields {@code status}, {@code applicationId}, {@code expertKey}
 */
public record ListJobsParams(Integer take, Integer skip, String sort, String order, String filter) {
    private static final Pattern FILTER = Pattern.compile("^\\s*((status|applicationId|expertKey):\\S+\\s*)*$");

    /**
     * Server defaults.
     *
     * @return parameters that send nothing
     */
    public static ListJobsParams none() {
        return new ListJobsParams(null, null, null, null, null);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    void check(Check check) {
        check.range("take", take, 1, 100).range("skip", skip, 0, Integer.MAX_VALUE)
                .oneOf("sort", sort, Set.of("createdAt", "updatedAt")).oneOf("order", order, Set.of("asc", "desc"))
                .matches("filter", filter, FILTER, "must be space-separated field:value terms with fields status, applicationId, expertKey");
    }

    Map<String, String> query() {
        return Call.params().add("take", take).add("skip", skip).add("sort", sort).add("order", order).add("filter", filter).build();
    }

    /** Builds {@link ListJobsParams}. */
    public static final class Builder {
        private Integer take;
        private Integer skip;
        private String sort;
        private String order;
        private String filter;

        private Builder() {
        }

        /**
         * Page size, 1..100.
         *
         * @param take page size, 1..100
         * @return this builder
         */
        public Builder take(int take) {
            this.take = take;
            return this;
        }

        /**
         * Items to skip.
         *
         * @param skip items to skip, >= 0
         * @return this builder
         */
        public Builder skip(int skip) {
            this.skip = skip;
            return this;
        }

        /**
         * {@code createdAt} or {@code updatedAt}.
         *
         * @param sort {@code createdAt} or {@code updatedAt}
         * @return this builder
         */
        public Builder sort(String sort) {
            this.sort = sort;
            return this;
        }

        /**
         * {@code asc} or {@code desc}.
         *
         * @param order {@code asc} or {@code desc}
         * @return this builder
         */
        public Builder order(String order) {
            this.order = order;
            return this;
        }

        /**
         * e.g. {@code status:running applicationId:abc}.
         *
         * @param filter space-separated {@code field:value} terms, fields {@code status}, {@code applicationId}, {@code expertKey}
         * @return this builder
         */
        public Builder filter(String filter) {
            this.filter = filter;
            return this;
        }

        /** {@return the params} */
        public ListJobsParams build() {
            return new ListJobsParams(take, skip, sort, order, filter);
        }
    }
}
