package ai.perstack.cli;

import ai.perstack.client.ApiResult;
import ai.perstack.client.PerstackClient;
import ai.perstack.client.experts.Expert;
import ai.perstack.client.experts.ExpertDefinition;
import ai.perstack.client.experts.ExpertDefinitionResponse;
import ai.perstack.client.experts.ExpertMetaResponse;
import ai.perstack.client.experts.ExpertScope;
import ai.perstack.client.experts.ExpertScopeResponse;
import ai.perstack.client.experts.ExpertVersion;
import ai.perstack.client.experts.ListExpertsParams;
import ai.perstack.client.experts.YankResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perstack experts}: the expert registry. */
@Command(name = "experts", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = {"Find, read and publish experts.",
                "A scope @org/name holds drafts (editable) and versions (immutable, semver); a key is @org/name",
                "(the latest tag), @org/name@1.2.3 or @org/name@tag."},
        subcommands = {ExpertsCommand.ListExperts.class, ExpertsCommand.GetExpert.class, ExpertsCommand.Meta.class,
                ExpertsCommand.Publish.class, ExpertsCommand.Unpublish.class, ExpertsCommand.Yank.class,
                ExpertsCommand.Versions.class, DraftsCommand.class},
        footerHeading = "%nExamples:%n",
        footer = {"  perstack experts drafts create @local/greeter --app APP_ID --file perstack.toml",
                "  perstack experts drafts assign-version @local/greeter DRAFT_ID 1.0.0",
                "  perstack experts get @local/greeter", "  perstack experts publish @local/greeter"})
final class ExpertsCommand {

    static String tags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
    }

    static void printScope(Output out, ExpertScope s) {
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"Scope", s.scopeName()});
        f.add(new String[] {"Visibility", s.visibility().value()});
        f.add(new String[] {"Category", s.category().value()});
        s.description().ifPresent(d -> f.add(new String[] {"Description", d}));
        f.add(new String[] {"Latest", s.latestVersion().orElse("-")});
        f.add(new String[] {"Tags", s.tags().isEmpty() ? "-" : tags(s.tags())});
        f.add(new String[] {"Updated", Text.time(s.updatedAt())});
        Table.fields(out.out(), f);
    }

    /** One line per member of a definition: key, name, skills and their tools, delegates. */
    static void printMembers(Output out, List<Expert> experts) {
        Table t = new Table("KEY", "NAME", "SKILLS", "DELEGATES");
        for (Expert e : experts) {
            String skills = e.skills().entrySet().stream()
                    .map(s -> s.getKey() + (s.getValue().tools().isEmpty() ? "" : "(" + String.join(",", s.getValue().tools().keySet()) + ")"))
                    .collect(Collectors.joining(" "));
            t.row(e.key(), e.name(), skills.isEmpty() ? "-" : skills, e.delegates().isEmpty() ? "-" : String.join(" ", e.delegates()));
        }
        t.print(out.out(), out.width());
    }

    static int scope(Output out, ApiResult<ExpertScopeResponse> r) {
        return out.show(r, ExpertScopeResponse::json, x -> printScope(out, x.data().scope()), x -> List.of(x.data().scope().scopeName()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List your scopes and every public scope, recently updated first.",
            footerHeading = "%nExamples:%n", footer = {"  perstack experts list", "  perstack experts list --filter greet --include-drafts"})
    static final class ListExperts extends ApiCommand {
        @Option(names = "--filter", paramLabel = "TEXT", description = "Name or description contains this text.")
        String filter;
        @Option(names = "--category", description = "general, coding, research, writing, data or automation.")
        String category;
        @Option(names = "--include-drafts", description = "Also scopes that have no version yet.")
        boolean includeDrafts;
        @Option(names = "--limit", description = "Page size, 1..100 (default 20).")
        Integer limit;
        @Option(names = "--offset", description = "Items to skip.")
        Integer offset;

        @Override
        int run(PerstackClient client, Output out) {
            ListExpertsParams params = new ListExpertsParams(filter, category, includeDrafts ? Boolean.TRUE : null, limit, offset);
            return out.show(client.experts().list(params), r -> r.json(), r -> {
                Instant now = Instant.now();
                Table t = new Table("SCOPE", "VISIBILITY", "CATEGORY", "LATEST", "TAGS", "UPDATED");
                r.data().experts().forEach(s -> t.row(s.scopeName(), s.visibility().value(), s.category().value(),
                        s.latestVersion().orElse("-"), s.tags().isEmpty() ? "-" : tags(s.tags()), Text.age(s.updatedAt(), now)));
                out.table(t, "No experts.");
                Lists.more(out, r.data().experts().size(), r.meta().total(), "--offset/--limit");
            }, r -> r.data().experts().stream().map(ExpertScope::scopeName).toList());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a version's definition: its experts, skills and delegates.",
            footerHeading = "%nExamples:%n", footer = {"  perstack experts get @local/greeter", "  perstack experts get @local/greeter@1.0.0 -o json"})
    static final class GetExpert extends ApiCommand {
        @Parameters(paramLabel = "KEY", description = "@org/name, @org/name@1.2.3 or @org/name@tag.")
        String key;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.experts().get(key), ExpertDefinitionResponse::json, r -> {
                ExpertDefinition d = r.data().definition();
                Table.fields(out.out(), List.of(
                        new String[] {"Scope", d.scopeName()},
                        new String[] {"Version", d.version() + (d.yanked() ? " (yanked)" : "")},
                        new String[] {"Tags", d.tags().isEmpty() ? "-" : String.join(", ", d.tags())},
                        new String[] {"Created", Text.time(d.createdAt())}));
                out.out().println();
                printMembers(out, d.experts());
            }, r -> List.of(r.data().definition().scopeName() + "@" + r.data().definition().version()));
        }
    }

    @Command(name = "meta", mixinStandardHelpOptions = true, description = "Show what a key resolves to: version, tag, visibility.",
            footerHeading = "%nExample:%n", footer = "  perstack experts meta @local/greeter@latest")
    static final class Meta extends ApiCommand {
        @Parameters(paramLabel = "KEY")
        String key;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.experts().getMeta(key), ExpertMetaResponse::json, r -> {
                ExpertMetaResponse.Data m = r.data();
                Table.fields(out.out(), List.of(
                        new String[] {"Scope", m.scope()},
                        new String[] {"Version", m.version()},
                        new String[] {"Tag", m.tag().orElse("-")},
                        new String[] {"Yanked", m.yanked() ? "yes" : "no"},
                        new String[] {"Visibility", m.visibility().value()},
                        new String[] {"Created", Text.time(m.createdAt())}));
            }, r -> List.of(r.data().scope() + "@" + r.data().version()));
        }
    }

    @Command(name = "publish", mixinStandardHelpOptions = true, description = "Make a scope public: every organization can read and run it.",
            footerHeading = "%nExample:%n", footer = "  perstack experts publish @local/greeter")
    static final class Publish extends ApiCommand {
        @Parameters(paramLabel = "SCOPE", description = "@org/name")
        String scope;

        @Override
        int run(PerstackClient client, Output out) {
            return scope(out, client.experts().publish(scope));
        }
    }

    @Command(name = "unpublish", mixinStandardHelpOptions = true, description = "Make a scope private again.",
            footerHeading = "%nExample:%n", footer = "  perstack experts unpublish @local/greeter")
    static final class Unpublish extends ApiCommand {
        @Parameters(paramLabel = "SCOPE", description = "@org/name")
        String scope;

        @Override
        int run(PerstackClient client, Output out) {
            return scope(out, client.experts().unpublish(scope));
        }
    }

    @Command(name = "yank", mixinStandardHelpOptions = true,
            description = "Yank a version: still readable by its exact key, never chosen by a tag again.",
            footerHeading = "%nExample:%n", footer = "  perstack experts yank @local/greeter@1.0.0")
    static final class Yank extends ApiCommand {
        @Parameters(paramLabel = "KEY", description = "@org/name@1.2.3 (an exact version)")
        String key;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.experts().yank(key), YankResponse::json,
                    r -> out.out().println("Yanked " + key + (r.data().latestTagUpdated() ? "; the latest tag moved" : "")),
                    r -> List.of(key));
        }
    }

    @Command(name = "versions", mixinStandardHelpOptions = true, description = "List a scope's versions, newest first.",
            footerHeading = "%nExample:%n", footer = "  perstack experts versions @local/greeter")
    static final class Versions extends ApiCommand {
        @Parameters(paramLabel = "SCOPE", description = "@org/name")
        String scope;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.experts().versions().list(scope), r -> r.json(), r -> {
                Table t = new Table("VERSION", "TAGS", "YANKED", "CREATED");
                r.data().versions().forEach(v -> t.row(v.version(), v.tags().isEmpty() ? "-" : String.join(", ", v.tags()),
                        v.yanked() ? "yes" : "no", Text.time(v.createdAt())));
                out.table(t, "No versions.");
            }, r -> r.data().versions().stream().map(ExpertVersion::version).toList());
        }
    }
}
