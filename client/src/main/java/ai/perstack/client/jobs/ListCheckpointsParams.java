package ai.perstack.client.jobs;

import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;

import java.util.Map;
import java.util.Set;

/**
 * Query of {@code jobs.checkpoints.list}; every field is optional.
 *
 * @param take  page size, 1..100
 * @param skip  items to skip, >= 0
 * @param sort  {@code sequence} or {@code createdAt}
 * @param order {@code asc} (default) or {@code desc}
 */
public record ListCheckpointsParams(Integer take, Integer skip, String sort, String order) {

    /**
     * Server defaults.
     *
     * @return parameters that send nothing
     */
    public static ListCheckpointsParams none() {
        return new ListCheckpointsParams(null, null, null, null);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    void check(Check check) {
        check.range("take", take, 1, 100).range("skip", skip, 0, Integer.MAX_VALUE)
                .oneOf("sort", sort, Set.of("sequence", "createdAt")).oneOf("order", order, Set.of("asc", "desc"));
    }

    Map<String, String> query() {
        return Call.params().add("take", take).add("skip", skip).add("sort", sort).add("order", order).build();
    }

    /** Builds {@link ListCheckpointsParams}. */
    public static final class Builder {
        private Integer take;
        private Integer skip;
        private String sort;
        private String order;

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
         * {@code sequence} or {@code createdAt}.
         *
         * @param sort {@code sequence} or {@code createdAt}
         * @return this builder
         */
        public Builder sort(String sort) {
            this.sort = sort;
            return this;
        }

        /**
         * {@code asc} or {@code desc}.
         *
         * @param order {@code asc} (default) or {@code desc}
         * @return this builder
         */
        public Builder order(String order) {
            this.order = order;
            return this;
        }

        /** {@return the params} */
        public ListCheckpointsParams build() {
            return new ListCheckpointsParams(take, skip, sort, order);
        }
    }
}
