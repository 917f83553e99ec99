package ai.perstack.cli;

import ai.perstack.server.Admin;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code perstack admin}: offline administration of a local platform's store. */
@Command(name = "admin", mixinStandardHelpOptions = true, description = "Administer a local platform's store.",
        subcommands = AdminCommand.CreateKey.class)
final class AdminCommand {

    /** {@code perstack admin create-key}: prints a new API key for an organization. */
    @Command(name = "create-key", mixinStandardHelpOptions = true,
            description = "Create an API key for an organization (created if needed) and print it.")
    static final class CreateKey implements Callable<Integer> {
        @Option(names = "--data-dir", defaultValue = ".perstack", description = "Data directory (default: ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--database-url", description = "jdbc:postgresql://… (default: env PERSTACK_DATABASE_URL, else H2 in the data directory).")
        String databaseUrl;

        @Option(names = "--org", required = true, description = "Organization name.")
        String organization;

        @Override
        public Integer call() {
            String url = databaseUrl != null ? databaseUrl : System.getenv("PERSTACK_DATABASE_URL");
            System.out.println(Admin.createApiKey(dataDir, url == null || url.isBlank() ? null : url, organization));
            return 0;
        }
    }
}
