package ai.perstack.client.applications;

import ai.perstack.client.internal.Call;
import ai.perstack.client.internal.Check;

import java.util.Map;
import java.util.Set;

/**
 * Query of {@code applications.list}; every field is optional.
 *
 * @param name  case-insensitive substring of the name
 * @param sort  {@code name}, {@code createdAt} or {@code updatedAt}
 * @param order {@code asc} or {@code desc}
 * @param take  page size, 1..100
 * @param skip  items to skip, >= 0
 */
public record ListApplicationsParams(String name, String sort, String order, Integer take, Integer skip) {
    static final Set<String> SORTS = Set.of("name", "createdAt", "updatedAt");

    /**
     * No filter, server defaults.
     *
     * @return parameters that send nothing
     */
    public static ListApplicationsParams none() {
        return new ListApplicationsParams(null, null, null, null, null);
    }

    /** {@return a new builder} */
    public static Builder builder() {
        return new Builder();
    }

    void check(Check check) {
        check.oneOf("sort", sort, SORTS).oneOf("order", order, Set.of("asc", "desc"))
                .range("take", take, 1, 100).range("skip", skip, 0, Integer.MAX_VALUE);
    }

    Map<String, String> query() {
        return Call.params().add("name", name).add("sort", sort).add("order", order).add("take", take).add("skip", skip).build();
    }

    /** Builds {@link ListApplicationsParams}. */
    public static final class Builder {
        private String name;
        private String sort;
        private String order;
        private Integer take;
        private Integer skip;

        private Builder() {
        }

        /**
         * Name substring filter.
         *
         * @param name case-insensitive substring of the name
         * @return this builder
         */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Sort field: {@code name}, {@code createdAt}, {@code updatedAt}.
         *
         * @param sort {@code name}, {@code createdAt} or {@code updatedAt}
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

        /** {@return the params} */
        public ListApplicationsParams build() {
            return new ListApplicationsParams(name, sort, order, take, skip);
        }
    }
}
