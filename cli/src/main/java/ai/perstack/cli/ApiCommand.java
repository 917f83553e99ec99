package ai.perstack.cli;

import ai.perstack.client.PerstackClient;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that calls the API: it has the connection options and {@code -o}, gets a client,
 * and shows the result through {@link Output}.
 */
abstract class ApiCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    Connection connection;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", order = 99,
            description = "table (default), json (the exact API response) or id (identifiers only, one a line).")
    Output.Format format = Output.Format.table;

    @Override
    public final Integer call() throws Exception {
        Io io = PerstackCli.io(spec);
        try (PerstackClient client = connection.client(io)) {
            return run(client, new Output(io, format));
        }
    }

    /** Calls the API and returns the exit code. */
    abstract int run(PerstackClient client, Output out) throws Exception;
}
