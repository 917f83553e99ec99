package ai.perstack.cli;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.applications.Application;
import ai.perstack.client.applications.ApplicationResponse;
import ai.perstack.client.applications.CreateApplicationInput;
import ai.perstack.client.applications.ListApplicationsParams;
import ai.perstack.client.applications.UpdateApplicationInput;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perstack apps}: applications. */
@Command(name = "apps", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage applications (the unit jobs and drafts belong to).",
        subcommands = {AppsCommand.ListApps.class, AppsCommand.GetApp.class, AppsCommand.CreateApp.class,
                AppsCommand.UpdateApp.class, AppsCommand.DeleteApp.class},
        footerHeading = "%nExamples:%n",
        footer = {"  perstack apps create my-app", "  perstack apps list --name my", "  perstack apps update APP_ID --status inactive"})
final class AppsCommand {

    static void print(Output out, ApplicationResponse r) {
        Application a = r.data().application();
        Table.fields(out.out(), List.of(
                new String[] {"ID", a.id()},
                new String[] {"Name", a.name()},
                new String[] {"Status", a.status().value()},
                new String[] {"Group", a.applicationGroupId().orElse("-")},
                new String[] {"Organization", a.organizationId()},
                new String[] {"Created", Text.time(a.createdAt())},
                new String[] {"Updated", Text.time(a.updatedAt())}));
    }

    private static int item(Output out, ai.perstack.client.ApiResult<ApplicationResponse> result) {
        return out.show(result, ApplicationResponse::json, r -> print(out, r), r -> List.of(r.data().application().id()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List applications, newest first.",
            footerHeading = "%nExamples:%n", footer = {"  perstack apps list", "  perstack apps list --name demo --sort name --order asc -o json"})
    static final class ListApps extends ApiCommand {
        @Option(names = "--name", description = "Only names containing this text (case-insensitive).")
        String name;
        @Option(names = "--sort", description = "name, createdAt (default) or updatedAt.")
        String sort;
        @Option(names = "--order", description = "asc or desc (default).")
        String order;
        @Option(names = "--take", description = "Page size, 1..100 (default 20).")
        Integer take;
        @Option(names = "--skip", description = "Items to skip.")
        Integer skip;

        @Override
        int run(PerstackClient client, Output out) {
            ListApplicationsParams params = new ListApplicationsParams(name, sort, order, take, skip);
            return out.show(client.applications().list(params), r -> r.json(), r -> {
                Instant now = Instant.now();
                Table t = new Table("ID", "NAME", "STATUS", "AGE");
                r.data().applications().forEach(a -> t.row(a.id(), a.name(), a.status().value(), Text.age(a.createdAt(), now)));
                out.table(t, "No applications.");
                Lists.more(out, r.data().applications().size(), r.meta().total(), "--skip/--take");
            }, r -> r.data().applications().stream().map(Application::id).toList());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show an application.",
            footerHeading = "%nExample:%n", footer = "  perstack apps get APP_ID -o json")
    static final class GetApp extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Application id.")
        String id;

        @Override
        int run(PerstackClient client, Output out) {
            return item(out, client.applications().get(id));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create an application.",
            footerHeading = "%nExamples:%n", footer = {"  perstack apps create my-app", "  APP=$(perstack apps create my-app -o id)"})
    static final class CreateApp extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "Name, unique in the organization (1..255 characters).")
        String name;
        @Option(names = "--group", paramLabel = "ID", description = "Application group id.")
        String group;

        @Override
        int run(PerstackClient client, Output out) {
            CreateApplicationInput.Builder b = CreateApplicationInput.builder().name(name);
            if (group != null) {
                b.applicationGroupId(group);
            }
            return item(out, client.applications().create(b.build()));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Rename an application or change its status.",
            footerHeading = "%nExamples:%n", footer = {"  perstack apps update APP_ID --name new-name", "  perstack apps update APP_ID --status inactive"})
    static final class UpdateApp extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Application id.")
        String id;
        @Option(names = "--name", description = "New name.")
        String name;
        @Option(names = "--status", description = "active or inactive.")
        String status;

        @Override
        int run(PerstackClient client, Output out) {
            if (name == null && status == null) {
                throw new UsageException("nothing to update: give --name and/or --status");
            }
            UpdateApplicationInput.Builder b = UpdateApplicationInput.builder();
            if (name != null) {
                b.name(name);
            }
            if (status != null) {
                b.status(status);
            }
            return item(out, client.applications().update(id, b.build()));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an application (not while it has active jobs).",
            footerHeading = "%nExample:%n", footer = "  perstack apps delete APP_ID")
    static final class DeleteApp extends ApiCommand {
        @Parameters(paramLabel = "ID", description = "Application id.")
        String id;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.applications().delete(id), ApplicationResponse::json,
                    r -> out.out().println("Deleted application " + r.data().application().name() + " (" + r.data().application().id() + ")"),
                    r -> List.of(r.data().application().id()));
        }
    }
}
