package ai.perstack.examples;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.RequestOptions;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;

/**
 * A piece of "your own code" built on the client, tested with the testkit in
 * {@code ApplicationDirectoryTest}: finds an application by its exact name, creating it when missing.
 */
public final class ApplicationDirectory {
    private final PerstackClient client;

    public ApplicationDirectory(PerstackClient client) {
        this.client = client;
    }

    /** The application named exactly {@code name}; created when there is none. */
    public Application ensure(String name) {
        // Every page of the name search, fetched only as far as needed.
        return client.applications().listAll(ListApplicationsParams.builder().name(name).take(100).build(), RequestOptions.none())
                .stream()
                .filter(a -> a.name().equals(name))
                .findFirst()
                .orElseGet(() -> client.applications().create(CreateApplicationInput.builder().name(name).build())
                        .orElseThrow().data().application());
    }
}
