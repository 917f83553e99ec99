package ai.perstack.cli;

import ai.perstack.client.PerstackClient;
import ai.perstack.client.env.CreateSecretInput;
import ai.perstack.client.env.CreateVariableInput;
import ai.perstack.client.env.Secret;
import ai.perstack.client.env.SecretResponse;
import ai.perstack.client.env.UpdateSecretInput;
import ai.perstack.client.env.UpdateVariableInput;
import ai.perstack.client.env.Variable;
import ai.perstack.client.env.VariableResponse;
import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code perstack env}: secrets and variables, the environment jobs see. */
@Command(name = "env", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
        description = "Manage the environment jobs see: secrets (write-only values) and variables.",
        subcommands = {EnvCommand.Secrets.class, EnvCommand.Variables.class},
        footerHeading = "%nExamples:%n",
        footer = {"  perstack env variables create REGION eu-west-1",
                "  printf %s \"$KEY\" | perstack env secrets create ANTHROPIC_API_KEY --value-stdin"})
final class EnvCommand {

    /** Where a secret's or variable's value comes from. */
    static final class ValueSource {
        @Option(names = "--value", paramLabel = "VALUE",
                description = "The value on the command line (visible in shell history and the process list).")
        String value;

        @Option(names = "--value-stdin", description = "Read the value from standard input (one trailing newline is dropped).")
        boolean stdin;

        String read(Io io, String name, boolean secret) {
            if (value != null) {
                return value;
            }
            if (stdin) {
                try {
                    String text = new String(io.in().readAllBytes(), StandardCharsets.UTF_8);
                    return text.endsWith("\r\n") ? text.substring(0, text.length() - 2)
                            : text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
                } catch (IOException e) {
                    throw new UsageException("cannot read the value from standard input: " + e.getMessage());
                }
            }
            return prompt(io, name, secret);
        }
    }

    static String prompt(Io io, String name, boolean secret) {
        Console console = System.console();
        if (!io.terminal() || console == null) {
            throw new UsageException("no value for " + name + ": give --value-stdin (or --value)");
        }
        if (secret) {
            char[] chars = console.readPassword("Value of %s (not shown): ", name);
            if (chars == null) {
                throw new UsageException("no value for " + name);
            }
            return new String(chars);
        }
        String line = console.readLine("Value of %s: ", name);
        if (line == null) {
            throw new UsageException("no value for " + name);
        }
        return line;
    }

    @Command(name = "secrets", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = {"Manage secrets. Values are write-only: no command or response ever shows one."},
            subcommands = {ListSecrets.class, GetSecret.class, CreateSecret.class, UpdateSecret.class, DeleteSecret.class},
            footerHeading = "%nExamples:%n",
            footer = {"  perstack env secrets create ANTHROPIC_API_KEY          # prompts for the value",
                    "  printf %s \"$KEY\" | perstack env secrets create ANTHROPIC_API_KEY --value-stdin",
                    "  perstack env secrets list"})
    static final class Secrets {
    }

    static void print(Output out, Secret s) {
        Table.fields(out.out(), List.of(
                new String[] {"Name", s.name()},
                new String[] {"Value", "(write-only)"},
                new String[] {"Created", Text.time(s.createdAt())},
                new String[] {"Updated", Text.time(s.updatedAt())}));
    }

    private static int secret(Output out, ai.perstack.client.ApiResult<SecretResponse> r) {
        return out.show(r, SecretResponse::json, x -> print(out, x.data().secret()), x -> List.of(x.data().secret().name()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List secrets (names only).",
            footerHeading = "%nExample:%n", footer = "  perstack env secrets list")
    static final class ListSecrets extends ApiCommand {
        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.env().secrets().list(), r -> r.json(), r -> {
                Table t = new Table("NAME", "UPDATED");
                r.data().secrets().forEach(s -> t.row(s.name(), Text.time(s.updatedAt())));
                out.table(t, "No secrets.");
            }, r -> r.data().secrets().stream().map(Secret::name).toList());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a secret (never its value).",
            footerHeading = "%nExample:%n", footer = "  perstack env secrets get ANTHROPIC_API_KEY")
    static final class GetSecret extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(PerstackClient client, Output out) {
            return secret(out, client.env().secrets().get(name));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create a secret. The value comes from a prompt (on a terminal), --value-stdin or --value."},
            footerHeading = "%nExamples:%n",
            footer = {"  perstack env secrets create ANTHROPIC_API_KEY",
                    "  printf %s \"$KEY\" | perstack env secrets create ANTHROPIC_API_KEY --value-stdin"})
    static final class CreateSecret extends ApiCommand {
        @Parameters(paramLabel = "NAME", description = "Letters, digits and _, not starting with a digit.")
        String name;
        @ArgGroup(exclusive = true)
        ValueSource source = new ValueSource();

        @Override
        int run(PerstackClient client, Output out) {
            String value = source.read(out.io(), name, true);
            return secret(out, client.env().secrets().create(CreateSecretInput.builder().name(name).value(value).build()));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true,
            description = {"Replace a secret's value (from a prompt, --value-stdin or --value)."},
            footerHeading = "%nExample:%n",
            footer = "  printf %s \"$NEW_KEY\" | perstack env secrets update ANTHROPIC_API_KEY --value-stdin")
    static final class UpdateSecret extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;
        @ArgGroup(exclusive = true)
        ValueSource source = new ValueSource();

        @Override
        int run(PerstackClient client, Output out) {
            String value = source.read(out.io(), name, true);
            return secret(out, client.env().secrets().update(name, UpdateSecretInput.of(value)));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a secret.",
            footerHeading = "%nExample:%n", footer = "  perstack env secrets delete ANTHROPIC_API_KEY")
    static final class DeleteSecret extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.env().secrets().delete(name), SecretResponse::json,
                    r -> out.out().println("Deleted secret " + r.data().secret().name()),
                    r -> List.of(r.data().secret().name()));
        }
    }

    @Command(name = "variables", mixinStandardHelpOptions = true, synopsisSubcommandLabel = "COMMAND",
            description = "Manage variables (plain values jobs can read).",
            subcommands = {ListVariables.class, GetVariable.class, CreateVariable.class, UpdateVariable.class, DeleteVariable.class},
            footerHeading = "%nExamples:%n",
            footer = {"  perstack env variables create REGION eu-west-1",
                    "  perstack env variables list -o json"})
    static final class Variables {
    }

    static void print(Output out, Variable v) {
        Table.fields(out.out(), List.of(
                new String[] {"Name", v.name()},
                new String[] {"Value", v.value()},
                new String[] {"Created", Text.time(v.createdAt())},
                new String[] {"Updated", Text.time(v.updatedAt())}));
    }

    private static int variable(Output out, ai.perstack.client.ApiResult<VariableResponse> r) {
        return out.show(r, VariableResponse::json, x -> print(out, x.data().variable()), x -> List.of(x.data().variable().name()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List variables and their values.",
            footerHeading = "%nExample:%n", footer = "  perstack env variables list")
    static final class ListVariables extends ApiCommand {
        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.env().variables().list(), r -> r.json(), r -> {
                Table t = new Table("NAME", "VALUE", "UPDATED");
                r.data().variables().forEach(v -> t.row(v.name(), Text.shorten(v.value(), 60), Text.time(v.updatedAt())));
                out.table(t, "No variables.");
            }, r -> r.data().variables().stream().map(Variable::name).toList());
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true, description = "Show a variable.",
            footerHeading = "%nExample:%n", footer = "  perstack env variables get REGION")
    static final class GetVariable extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(PerstackClient client, Output out) {
            return variable(out, client.env().variables().get(name));
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Create a variable.",
            footerHeading = "%nExamples:%n",
            footer = {"  perstack env variables create REGION eu-west-1",
                    "  perstack env variables create GREETING --value-stdin < greeting.txt"})
    static final class CreateVariable extends ApiCommand {
        @Parameters(index = "0", paramLabel = "NAME", description = "Letters, digits and _, not starting with a digit.")
        String name;
        @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE", description = "The value (or use --value-stdin).")
        String value;
        @Option(names = "--value-stdin", description = "Read the value from standard input (one trailing newline is dropped).")
        boolean stdin;

        @Override
        int run(PerstackClient client, Output out) {
            String v = variableValue(out.io(), name, value, stdin);
            return variable(out, client.env().variables().create(CreateVariableInput.builder().name(name).value(v).build()));
        }
    }

    @Command(name = "update", mixinStandardHelpOptions = true, description = "Change a variable's value.",
            footerHeading = "%nExample:%n", footer = "  perstack env variables update REGION us-east-1")
    static final class UpdateVariable extends ApiCommand {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", arity = "0..1", paramLabel = "VALUE", description = "The new value (or use --value-stdin).")
        String value;
        @Option(names = "--value-stdin", description = "Read the value from standard input (one trailing newline is dropped).")
        boolean stdin;

        @Override
        int run(PerstackClient client, Output out) {
            String v = variableValue(out.io(), name, value, stdin);
            return variable(out, client.env().variables().update(name, UpdateVariableInput.of(v)));
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a variable.",
            footerHeading = "%nExample:%n", footer = "  perstack env variables delete REGION")
    static final class DeleteVariable extends ApiCommand {
        @Parameters(paramLabel = "NAME")
        String name;

        @Override
        int run(PerstackClient client, Output out) {
            return out.show(client.env().variables().delete(name), VariableResponse::json,
                    r -> out.out().println("Deleted variable " + r.data().variable().name()),
                    r -> List.of(r.data().variable().name()));
        }
    }

    private static String variableValue(Io io, String name, String value, boolean stdin) {
        if (value != null && stdin) {
            throw new UsageException("give the value or --value-stdin, not both");
        }
        if (value != null) {
            return value;
        }
        ValueSource source = new ValueSource();
        source.stdin = stdin;
        return source.read(io, name, false);
    }
}
