package ai.perstack.server.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Identifiers drawn by many threads at once, each from its own generator. */
class IdsTest {

    @Test
    void idsHaveTheShapeAndAreUniqueAcrossThreads() throws Exception {
        Set<String> all = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> drawn = new java.util.ArrayList<>();
            for (int t = 0; t < 8; t++) {
                drawn.add(pool.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        String id = Ids.newId();
                        assertThat(Ids.isId(id)).as(id).isTrue();
                        assertThat(all.add(id)).as("drawn twice: " + id).isTrue();
                    }
                }));
            }
            for (Future<?> f : drawn) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(all).hasSize(40_000);
    }

    @Test
    void everyCharacterOccursInEveryPosition() {
        // 26 letters first, 36 alphanumerics after: 20,000 ids leave none out by chance (p < 1e-30)
        List<Set<Character>> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            seen.add(new HashSet<>());
        }
        for (int n = 0; n < 20_000; n++) {
            String id = Ids.newId();
            for (int i = 0; i < 24; i++) {
                seen.get(i).add(id.charAt(i));
            }
        }
        assertThat(seen.get(0)).hasSize(26);
        for (int i = 1; i < 24; i++) {
            assertThat(seen.get(i)).as("position " + i).hasSize(36);
        }
    }
}
