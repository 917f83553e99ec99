package ai.perstack.bench;

import ai.perstack.client.ApiClientConfig;
import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.StreamRequestOptions;
import ai.perstack.client.jobs.Checkpoint;
import ai.perstack.client.jobs.CheckpointStream;
import ai.perstack.client.jobs.StartJobInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Opens N (default 1,000) checkpoint streams on one slow job (a checkpoint every 2 s), reads the first
 * checkpoint of each so every one is connected and parsing, and prints the heap retained per
 * open stream: (used after GC with the streams open − used after GC before) ÷ N.
 */
public final class ClientMemory {
    public static void main(String[] args) throws Exception {
        int streams = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        try (PerstackClient client = PerstackClient.create(ApiClientConfig.builder().apiKey(args[1]).baseUrl(args[0])
                .timeout(Duration.ofSeconds(60)).build())) {
            String id = client.jobs().start(StartJobInput.builder().applicationId(args[2]).expertKey("@local/writer")
                    .query("memory\n/steps 100\n/sleep 2000").provider("mock").build()).orElseThrow().data().job().id();
            // Warm the client up so lazily created shared state is in the baseline.
            try (CheckpointStream warm = client.jobs().checkpoints().stream(id)) {
                warm.iterator().next().orElseThrow();
            }
            long before = JobsBench.usedAfterGc();
            List<CheckpointStream> open = new ArrayList<>();
            List<Iterator<ApiResult<Checkpoint>>> iterators = new ArrayList<>();
            for (int i = 0; i < streams; i++) {
                CheckpointStream s = client.jobs().checkpoints().stream(id,
                        StreamRequestOptions.builder().streamIdleTimeout(Duration.ofSeconds(120)).build());
                Iterator<ApiResult<Checkpoint>> it = s.iterator();
                it.next().orElseThrow();
                open.add(s);
                iterators.add(it);
            }
            long after = JobsBench.usedAfterGc();
            System.out.println("PER_STREAM " + (after - before) / streams);
            for (CheckpointStream s : open) {
                s.close();
            }
            if (iterators.size() != streams) {
                throw new IllegalStateException();
            }
        }
    }
}
