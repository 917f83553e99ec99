package ai.perstack.examples;

import ai.perstack.client.AbortController;
import ai.perstack.client.ApiResult;
import ai.perstack.client.AsyncPerstackClient;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.applications.ApplicationResponse;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.applications.ListApplicationsResponse;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.env.VariableResponse;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

/**
 * {@code client.async()}: every call as a {@link CompletableFuture} of an {@link ApiResult}. The
 * futures never complete exceptionally — failures, timeouts and aborts arrive as {@code Err} —
 * so they compose without exception handlers.
 */
public final class AsyncCalls {
    private AsyncCalls() {
    }

    public static void main(String[] args) {
        try (ExamplePlatform platform = ExamplePlatform.connect()) {
            run(platform.client());
        }
    }

    static void run(PerstackClient client) {
        AsyncPerstackClient async = client.async();

        // Fan out: five creates in flight at once, then wait for all of them.
        List<CompletableFuture<ApiResult<ApplicationResponse>>> creates = IntStream.rangeClosed(1, 5)
                .mapToObj(i -> async.applications().create(CreateApplicationInput.builder().name("async-" + i).build()))
                .toList();
        CompletableFuture.allOf(creates.toArray(new CompletableFuture<?>[0])).join();
        long created = creates.stream().map(CompletableFuture::join).filter(ApiResult::ok).count();
        System.out.println("created " + created + " applications concurrently");

        // Compose: create a variable, then read it back, without blocking in between.
        ApiResult<VariableResponse> readBack = async.env().variables()
                .create(CreateVariableInput.builder().name("REGION").value("eu-west").build())
                .thenCompose(r -> r.ok()
                        ? async.env().variables().get("REGION")
                        : CompletableFuture.completedFuture(r))
                .join();
        System.out.println("REGION = " + readBack.map(r -> r.data().variable().value()).data());

        // A per-call timeout and an abort signal: both end the call with Err(aborted = true).
        RequestOptions quick = RequestOptions.builder().timeout(Duration.ofSeconds(5)).build();
        ApiResult<ListApplicationsResponse> listed = async.applications()
                .list(ListApplicationsParams.builder().name("async-").build(), quick).join();
        System.out.println("listed " + listed.data().data().applications().size() + " async-* applications");

        AbortController controller = new AbortController();
        CompletableFuture<ApiResult<ListApplicationsResponse>> pending = async.applications()
                .list(ListApplicationsParams.none(), RequestOptions.builder().signal(controller.signal()).build());
        controller.abort("no longer needed");
        ApiResult<ListApplicationsResponse> outcome = pending.join();
        System.out.println(outcome.ok()
                ? "the list finished before the abort"
                : "aborted: " + outcome.error().aborted() + " (" + outcome.error().message() + ")");
    }
}
