package ai.perstack.cli;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.experts.AssignVersionInput;
import ai.perstack.client.experts.CreateDraftInput;
import ai.perstack.client.experts.DraftResponse;
import ai.perstack.client.experts.ExpertDraft;
import ai.perstack.client.experts.ExpertVersion;
import ai.perstack.client.experts.ExpertVersionResponse;
import ai.perstack.client.experts.ListDraftsParams;
import ai.perstack.client.experts.UpdateDraftInput;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perstack experts drafts}: editable definitions, and turning one into a version. */
@Command(name = "drafts", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Manage drafts: editable definitions that become versions with assign-version.",
                "A draft's experts come from a perstack.toml ([experts.\"KEY\"] tables), a JSON file ({\"experts\": [...]}) or TOML [[experts]] tables."},
        subcommands = {DraftsCommand.CreateDraft.class, DraftsCommand.ListDrafts.class, DraftsCommand.GetDraft.class,
                DraftsCommand.UpdateDraft.class, DraftsCommand.DeleteDraft.class, DraftsCommand.AssignVersion.class},
        footerHeading = "%nExamples:%n",
        footer = {"  DRAFT=$(perstack experts drafts create @local/greeter --app APP_ID --file perstack.toml -o id)",
                "  perstack experts drafts assign-version @local/greeter $DRAFT 1.0.0",
                "",
                "perstack.toml (the Perstack CLI's format; JSON {\"experts\": [...]} in core's expert shape works too):",
                "  [experts.\"greeter\"]",
                "  instruction = \"Write friendly greetings. Ask who they are for when unsure.\"",
                "  [experts.\"greeter\".skills.ask]",
                "  type = \"interactiveSkill\"",
                "  description = \"Ask the user\"",
                "  [experts.\"greeter\".skills.ask.tools.askUser]",
                "  description = \"Ask the user a question\"",
                "  inputJsonSchema = '{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"}}}'"})
final class DraftsCommand {

    static void print(Output out, ExpertDraft d) {
        Table.fields(out.out(), List.of(
                new String[] {"ID", d.id()},
                new String[] {"Scope", d.scopeName()},
                new String[] {"Application", d.applicationId()},
                new String[] {"Created", Text.time(d.createdAt())},
                new String[] {"Updated", Text.time(d.updatedAt())}));
        out.out().println();
        ExpertsCommand.printMembers(out, d.experts());
    }

    static int item(Output out, ApiResult<DraftResponse> r) {
        return out.show(r, DraftResponse::json, x -> print(out, x.data().draft()), x -> List.of(x.data().draft().id()));
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create a draft (and the scope, private, on first use) from a JSON or TOML file of experts.",
            footerHeading = "%nExamples:%n",
            footer = {"  perstack experts drafts create @local/greeter --app APP_ID --file perstack.toml",
                    "  perstack experts drafts create @local/greeter --app APP_ID --file experts.json --category writing"})
    static final class CreateDraft extends ApiCommand {
        @Parameters(paramLabel = "SCOPE", description = "@org/name (org: your organization's name)")
        String scope;
        @Option(names = {"-a", "--app"}, required = true, paramLabel = "APP_ID", description = "The application the draft belongs to.")
        String app;
        @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The experts: .json or .toml (- reads standard input).")
        Path file;
        @Option(names = "--category", description = "The scope's category: general, coding, research, writing, data, automation.")
        String category;
        @Option(names = "--description", description = "The scope's description.")
        String description;

        @Override
        int run(PerstackClient client, Output out) {
            CreateDraftInput.Builder b = CreateDraftInput.builder().applicationId(app).experts(ExpertsFile.read(file, out.io()));
            if (category != null) {
                b.category(category);
            }
            if (description != null) {
                b.description(description);
            }
            return item(out, client.experts().drafts().create(scope, b.build()));
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List a scope's drafts, newest first.",
            footerHeading = "%nExample:%n", footer = "  perstack experts drafts list @local/greeter")
    static final class ListDrafts extends ApiCommand {
        @Parameters(paramLabel = "SCOPE")
        String scope;
        @Option(names = "--limit", description = "Page size, 1..100 (default 20).")
        Integer limit;
        @Option(names = "--offset", description = "Items to skip.")
        Integer offset;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.experts().drafts().list(scope, new ListDraftsParams(limit, offset)), r -> r.json(), r -> {
                Instant now = Instant.now();
                Table t = new Table("ID", "APPLICATION", "EXPERTS", "UPDATED");
                r.data().drafts().forEach(d -> t.row(d.id(), d.applicationId(),
                        String.join(" ", d.experts().stream().map(e -> e.key()).toList()), Text.age(d.updatedAt(), now)));
                out.table(t, "No drafts.");
                Lists.more(out, r.data().drafts().size(), r.meta().total(), "--offset/--limit");
            }, r -> r.data().drafts().stream().map(ExpertDraft::id).toList());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a draft and its experts.",
            footerHeading = "%nExample:%n", footer = "  perstack experts drafts get @local/greeter DRAFT_ID -o json")
    static final class GetDraft extends ApiCommand {
        @Parameters(index = "0", paramLabel = "SCOPE")
        String scope;
        @Parameters(index = "1", paramLabel = "DRAFT_ID")
        String draft;

        @Override
        int run(PerstackClient client, Output out) {
            return item(out, client.experts().drafts().get(scope, draft));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Replace a draft's experts with those of a file.",
            footerHeading = "%nExample:%n", footer = "  perstack experts drafts update @local/greeter DRAFT_ID --file perstack.toml")
    static final class UpdateDraft extends ApiCommand {
        @Parameters(index = "0", paramLabel = "SCOPE")
        String scope;
        @Parameters(index = "1", paramLabel = "DRAFT_ID")
        String draft;
        @Option(names = {"-f", "--file"}, required = true, paramLabel = "FILE", description = "The experts: .json or .toml (- reads standard input).")
        Path file;

        @Override
        int run(PerstackClient client, Output out) {
            return item(out, client.experts().drafts().update(scope, draft, UpdateDraftInput.of(ExpertsFile.read(file, out.io()))));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a draft (its versions stay).",
            footerHeading = "%nExample:%n", footer = "  perstack experts drafts delete @local/greeter DRAFT_ID")
    static final class DeleteDraft extends ApiCommand {
        @Parameters(index = "0", paramLabel = "SCOPE")
        String scope;
        @Parameters(index = "1", paramLabel = "DRAFT_ID")
        String draft;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.experts().drafts().delete(scope, draft), DraftResponse::json,
                    r -> out.out().println("Deleted draft " + r.data().draft().id() + " of " + r.data().draft().scopeName()),
                    r -> List.of(r.data().draft().id()));
        }
    }

    @Command(name = "assign-version", mixinStandardHelpOptions = true,
            description = {"Freeze a draft as a version (semver, greater than every existing one).",
                    "The version takes the tag given, else latest."},
            footerHeading = "%nExamples:%n",
            footer = {"  perstack experts drafts assign-version @local/greeter DRAFT_ID 1.0.0",
                    "  perstack experts drafts assign-version @local/greeter DRAFT_ID 1.1.0-beta.1 --tag beta"})
    static final class AssignVersion extends ApiCommand {
        @Parameters(index = "0", paramLabel = "SCOPE")
        String scope;
        @Parameters(index = "1", paramLabel = "DRAFT_ID")
        String draft;
        @Parameters(index = "2", paramLabel = "VERSION", description = "Semantic version, e.g. 1.0.0.")
        String version;
        @Option(names = "--tag", description = "A tag for the version (default: latest).")
        String tag;

        @Override
        int run(PerstackClient client, Output out) {
            AssignVersionInput input = tag == null ? AssignVersionInput.of(version) : AssignVersionInput.of(version, tag);
            return out.show(client.experts().drafts().assignVersion(scope, draft, input), ExpertVersionResponse::json, r -> {
                ExpertVersion v = r.data().version();
                out.out().println("Assigned " + scope + "@" + v.version() + (v.tags().isEmpty() ? "" : " (" + String.join(", ", v.tags()) + ")"));
            }, r -> List.of(r.data().version().version()));
        }
    }
}
