package dev.ponder.cli;

import dev.ponder.core.replay.ModelConnection;
import dev.ponder.core.service.ReplayService;
import dev.ponder.core.settings.PonderHome;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ponder server check}: what a server is and what it offers a replay, before anything is sent to it. */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        description = "Model servers.",
        subcommands = {ServerCommand.Check.class})
final class ServerCommand implements Runnable {
    @Spec
    private CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = {
                "Identify the server's engine (llama.cpp, vLLM, Ollama, SGLang, LM Studio, a hosted API), list its "
                        + "models, and say what it supports: raw completions, usage in streams, /tokenize, its own "
                        + "thinking budget, seeds; and how budget forcing will count tokens on it."
            })
    static final class Check implements Callable<Integer> {
        @Mixin
        private ReplayModelOptions model;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PonderHome home = PonderHome.resolve();
            ModelConnection connection = model.connection(home, spec);
            PrintWriter out = spec.commandLine().getOut();
            out.println(ReplayService.testConnection(connection, home));
            out.flush();
            return 0;
        }
    }
}
