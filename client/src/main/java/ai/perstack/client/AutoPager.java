package ai.perstack.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every item of a list call, fetched page after page as they are consumed, starting at the
 * caller's offset and stopping at the end of the list. Returned by the {@code listAll} methods
 * ({@code client.jobs().listAll(...)} and the like); the caller's filters, sort and page size are
 * kept for every page (without a page size the server's default is used).
 *
 * <p>Lazy: nothing is fetched until iteration begins, and each page only when the previous one is
 * used up, so memory holds one page. Iterating ({@link #iterator()}, {@link #stream()}) blocks on
 * each page and throws the {@link PerstackException} of a failed page; {@link #forEachAsync} and
 * {@link #toListAsync()} never block and complete with an {@link ApiResult} instead. Each
 * iteration starts again from the first page. Offset paging shows a list as it is at each page's
 * fetch: items created or deleted meanwhile may shift what later pages hold.
 *
 * @param <T> the item type
 */
public final class AutoPager<T> implements Iterable<T> {
    private final Fetcher<T> fetcher;
    private final int start;
    private final Integer pageSize;

    /**
     * One page of a list.
     *
     * @param items the items of the page, in the list's order
     * @param meta  the page's {@code meta}: total and page
     * @param <T>   the item type
     */
    public record Page<T>(List<T> items, ListMeta meta) {
        /**
         * Copies the items.
         *
         * @param items the items
         * @param meta the meta
         */
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * Fetches the page that starts at an offset.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Fetcher<T> {
        /**
         * Fetches one page.
         *
         * @param offset   items to skip
         * @param pageSize the page size, or null for the server's default
         * @return a future of the page or the failure; never completed exceptionally
         */
        CompletableFuture<ApiResult<Page<T>>> fetch(int offset, Integer pageSize);
    }

    private AutoPager(int start, Integer pageSize, Fetcher<T> fetcher) {
        this.start = start;
        this.pageSize = pageSize;
        this.fetcher = fetcher;
    }

    /**
     * A pager; used by the list calls of the client.
     *
     * @param <T> the item type
     * @param start the caller's offset, null for 0
     * @param pageSize the caller's page size, null for the server's default
     * @param fetcher fetches a page
     * @return a pager that has fetched nothing yet
     */
    public static <T> AutoPager<T> of(Integer start, Integer pageSize, Fetcher<T> fetcher) {
        if (fetcher == null) {
            throw new IllegalArgumentException("fetcher is required");
        }
        return new AutoPager<>(start == null ? 0 : start, pageSize, fetcher);
    }

    /** Where the next page starts, and whether there is one. */
    private static final class Cursor {
        int offset;
        Integer pageSize;
        boolean ended;

        Cursor(int offset, Integer pageSize) {
            this.offset = offset;
            this.pageSize = pageSize;
        }

        /** Moves past {@code page}; the list ends at an empty or short page, or at its total. */
        void advance(Page<?> page) {
            int n = page.items().size();
            if (pageSize == null) {
                // The server's default page size, as it reports it; else the first page's length.
                pageSize = page.meta().take().isPresent() ? Integer.valueOf(page.meta().take().getAsInt())
                        : page.meta().limit().isPresent() ? Integer.valueOf(page.meta().limit().getAsInt()) : Integer.valueOf(n);
            }
            offset += n;
            ended = n == 0 || n < pageSize || offset >= page.meta().total();
        }
    }

    @Override
    public Iterator<T> iterator() {
        Cursor cursor = new Cursor(start, pageSize);
        ArrayDeque<T> buffer = new ArrayDeque<>();
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                while (buffer.isEmpty() && !cursor.ended) {
                    Page<T> page = fetcher.fetch(cursor.offset, cursor.pageSize).join().orElseThrow();
                    cursor.advance(page);
                    buffer.addAll(page.items());
                }
                return !buffer.isEmpty();
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return buffer.poll();
            }
        };
    }

    /** {@return the items as a sequential, ordered {@link Stream}, fetched as it is consumed} */
    public Stream<T> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /**
     * Calls {@code action} with every item, in order, fetching each page when the previous one has
     * been handed over; never blocks the caller.
     *
     * @param action receives each item (on the thread that completed its page's fetch)
     * @return a future of the number of items, or of the first failed page's error; completed
     *         exceptionally only when {@code action} throws
     */
    public CompletableFuture<ApiResult<Long>> forEachAsync(Consumer<? super T> action) {
        return next(new Cursor(start, pageSize), 0, action);
    }

    /**
     * Fetches and hands over pages from {@code cursor} on. Pages that are already fetched (as with
     * the blocking client) are handled in a loop rather than by nested callbacks, so that a long
     * list cannot exhaust the stack.
     */
    private CompletableFuture<ApiResult<Long>> next(Cursor cursor, long count, Consumer<? super T> action) {
        long handed = count;
        while (!cursor.ended) {
            CompletableFuture<ApiResult<Page<T>>> fetch = fetcher.fetch(cursor.offset, cursor.pageSize);
            if (!fetch.isDone()) {
                long sofar = handed;
                return fetch.thenCompose(result -> {
                    if (!result.ok()) {
                        return CompletableFuture.completedFuture(ApiResult.<Long>failure(result.error()));
                    }
                    return next(cursor, sofar + handOver(cursor, result.data(), action), action);
                });
            }
            ApiResult<Page<T>> result = fetch.join();
            if (!result.ok()) {
                return CompletableFuture.completedFuture(ApiResult.failure(result.error()));
            }
            handed += handOver(cursor, result.data(), action);
        }
        return CompletableFuture.completedFuture(ApiResult.success(handed));
    }

    private long handOver(Cursor cursor, Page<T> page, Consumer<? super T> action) {
        cursor.advance(page);
        page.items().forEach(action);
        return page.items().size();
    }

    /** {@return a future of every item in order, or of the first failed page's error; never blocks} */
    public CompletableFuture<ApiResult<List<T>>> toListAsync() {
        List<T> items = new ArrayList<>();
        return forEachAsync(items::add).thenApply(r -> r.map(n -> List.copyOf(items)));
    }
}
