package dev.ponder.cli;

import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.replay.PromptTemplate;
import dev.ponder.core.settings.PonderHome;
import dev.ponder.core.settings.SettingsStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** The model {@code ponder replay} runs: the tiny reasoner, a GGUF file, a server or a saved connection; its template. */
final class ReplayModelOptions {
    @Option(names = "--model", paramLabel = "GGUF", description = "A GGUF model file run in-process.")
    private Path gguf;

    @Option(
            names = "--server",
            paramLabel = "URL",
            description = "An OpenAI-compatible server, e.g. http://localhost:8000/v1; give it several times for "
                    + "replicas of the same model to spread the samples over.")
    private List<String> servers = new ArrayList<>();

    @Option(
            names = "--stall-seconds",
            paramLabel = "S",
            defaultValue = "60",
            description = "How long a server's stream may send nothing before it is tried again (default 60).")
    private int stallSeconds;

    @Option(names = "--server-model", paramLabel = "NAME", description = "The model's name on the server.")
    private String serverModel;

    @Option(
            names = "--api-key-env",
            paramLabel = "VAR",
            description = "The environment variable that holds the API key.")
    private String apiKeyEnv;

    @Option(
            names = "--chat",
            description = "Reach --server through /v1/chat/completions, continuing the assistant's "
                    + "turn (for servers without raw completions: DeepSeek, OpenRouter).")
    private boolean chat;

    @Option(names = "--connection", paramLabel = "NAME", description = "A connection saved in Ponder's settings.")
    private String connectionName;

    @Option(names = "--template", defaultValue = "chatml", description = "chatml, deepseek-r1 or llama3.")
    private String template;

    @Option(
            names = "--template-turn",
            paramLabel = "TEXT",
            description =
                    "A custom template: the raw prompt with {question} where the question goes (\\n for newlines).")
    private String templateTurn;

    @Option(names = "--think-start", defaultValue = "<think>", description = "A custom template's thinking start.")
    private String thinkStart;

    @Option(names = "--think-end", defaultValue = "</think>", description = "A custom template's thinking end.")
    private String thinkEnd;

    @Option(names = "--template-opens-thinking", description = "A custom template ends with the thinking start.")
    private boolean templateOpensThinking;

    @Option(
            names = "--end-of-turn",
            split = ",",
            paramLabel = "S",
            description = "A custom template's strings that end the assistant's turn (comma-separated).")
    private List<String> endOfTurn = new ArrayList<>();

    @Option(names = "--threads", defaultValue = "0", description = "CPU threads for an in-process model (0: all).")
    private int threads;

    /** The model the options name; the built-in tiny reasoner when they name none. */
    ModelConnection connection(PonderHome home, CommandSpec spec) {
        if (connectionName != null) {
            return saved(connectionName, home, spec);
        }
        if (!servers.isEmpty()) {
            if (serverModel == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--server needs --server-model NAME");
            }
            return parse(
                    spec,
                    () -> ModelConnection.server("server", String.join(" ", servers), serverModel, apiKeyEnv, template)
                            .withChat(chat)
                            .withStallSeconds(stallSeconds));
        }
        if (gguf != null) {
            return parse(
                    spec,
                    () -> ModelConnection.embedded(
                            String.valueOf(gguf.getFileName()), gguf.toString(), template, threads, 4096));
        }
        return parse(spec, () -> ModelConnection.embedded(ModelConnection.TINY_NAME, null, template, threads, 4096));
    }

    /** The connection saved in Ponder's settings under {@code name}; a usage error when there is none. */
    static ModelConnection saved(String name, PonderHome home, CommandSpec spec) {
        return new SettingsStore(home.settingsFile())
                .load().connections().stream()
                        .filter(c -> c.name().equals(name))
                        .findFirst()
                        .orElseThrow(() -> new CommandLine.ParameterException(
                                spec.commandLine(),
                                "No connection named '" + name + "' in " + home.settingsFile()
                                        + "; save one in Ponder's replay panel."));
    }

    /** A custom prompt template, or {@code null} for the model's own. */
    PromptTemplate template(CommandSpec spec) {
        return templateTurn == null
                ? null
                : parse(
                        spec,
                        () -> new PromptTemplate(
                                "custom",
                                templateTurn.replace("\\n", "\n"),
                                thinkStart,
                                thinkEnd,
                                templateOpensThinking,
                                endOfTurn));
    }

    static <T> T parse(CommandSpec spec, Supplier<T> make) {
        try {
            return make.get();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
