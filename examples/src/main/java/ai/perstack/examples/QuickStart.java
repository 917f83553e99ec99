package ai.perstack.examples;

import ai.perstack.client.ApiResult;
import ai.perstack.client.NotFoundException;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.ApplicationResponse;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.applications.ListApplicationsResponse;
import ai.perstack.client.env.CreateVariableInput;

/**
 * The quick start: create and list applications, set a variable, and handle failures either as
 * results ({@link ApiResult}) or as typed exceptions ({@link ApiResult#orElseThrow()}).
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        try (ExamplePlatform platform = ExamplePlatform.connect()) {
            run(platform.client());
        }
    }

    static void run(PerstackClient client) {
        // Every call returns a result: Ok(data) or Err(error). Nothing is thrown for API or network failures.
        ApiResult<ApplicationResponse> created = client.applications().create(
                CreateApplicationInput.builder().name("quick-start").build());
        if (!created.ok()) {
            System.err.println("could not create the application: " + created.error().message());
            return;
        }
        Application app = created.data().data().application();
        System.out.println("created application " + app.name() + " (" + app.id() + ", " + app.status().value() + ")");

        ApiResult<ListApplicationsResponse> page = client.applications().list(
                ListApplicationsParams.builder().name("quick").sort("createdAt").order("desc").take(10).build());
        if (page instanceof ApiResult.Ok<ListApplicationsResponse> ok) {
            System.out.println("applications named like 'quick': " + ok.data().meta().total());
            ok.data().data().applications().forEach(a -> System.out.println("  " + a.name()));
        }

        // orElseThrow(): the data, or a typed exception for the error.
        client.env().variables().create(CreateVariableInput.builder().name("GREETING").value("hello").build()).orElseThrow();
        System.out.println("variable GREETING = " + client.env().variables().get("GREETING").orElseThrow().data().variable().value());

        ApiResult<ApplicationResponse> missing = client.applications().get("000000000000000000000000");
        System.out.println("get an unknown application: " + missing.error().code() + " " + missing.error().message());
        try {
            client.applications().get("000000000000000000000000").orElseThrow();
        } catch (NotFoundException e) {
            System.out.println("as an exception: " + e.getClass().getSimpleName());
        }

        // Invalid input never reaches the network: code 0, and the reason names the field.
        ApiResult<ListApplicationsResponse> invalid = client.applications().list(
                ListApplicationsParams.builder().take(0).build());
        System.out.println("take(0): code " + invalid.error().code() + ", reason " + invalid.error().reason());
    }
}
