package dev.ponder.core.replay;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.args.LogFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A GGUF model run in-process by llama.cpp (de.kherud:llama), no server needed. The model is
 * loaded once and serves {@code parallel} generations at a time from one batch.
 */
public final class EmbeddedLlama implements ModelBackend {
    private static final Logger LOG = Logger.getLogger(EmbeddedLlama.class.getName());

    private static boolean bindingReady;

    /**
     * @param contextPerSequence prompt plus generation, in tokens, for each of the {@code parallel} sequences
     */
    public record Settings(Path gguf, int threads, int contextPerSequence, int parallel) {
        public static Settings of(Path gguf) {
            return new Settings(gguf, Math.max(1, Runtime.getRuntime().availableProcessors()), 2048, 4);
        }
    }

    /** The binding's version; kept in step with llama.version in the pom. */
    public static final String LIBRARY_VERSION = "4.2.0";

    private final Settings settings;
    private final LlamaModel model;

    private EmbeddedLlama(Settings settings, LlamaModel model) {
        this.settings = settings;
        this.model = model;
    }

    /**
     * Unpacks and loads the binding's native library on first use (into Ponder's own folder: {@link LlamaNatives}),
     * its log routed to Ponder's.
     */
    private static synchronized void readyBinding() {
        if (!bindingReady) {
            LlamaNatives.ready();
            LlamaModel.setLogger(LogFormat.TEXT, (level, message) -> LOG.log(Level.FINE, message::strip));
            bindingReady = true;
        }
    }

    /** Loads the model; the file is checked first so that a wrong path says so instead of crashing natively. */
    public static EmbeddedLlama load(Settings settings) throws ReplayException {
        readyBinding();
        Path file = settings.gguf();
        if (!Files.isRegularFile(file)) {
            throw new ReplayException("No model file at " + file + ": choose a .gguf file in the connection settings.");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (!"GGUF".equals(new String(magic, java.nio.charset.StandardCharsets.US_ASCII))) {
                throw new ReplayException(
                        file.getFileName() + " is not a GGUF model file (it does not start with \"GGUF\").");
            }
        } catch (IOException e) {
            throw new ReplayException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        ModelParameters params = new ModelParameters()
                .setModel(file.toString())
                .setThreads(settings.threads())
                .setCtxSize(settings.contextPerSequence() * settings.parallel())
                .setParallel(settings.parallel())
                .disableContextShift()
                .disableLog();
        try {
            return new EmbeddedLlama(settings, new LlamaModel(params));
        } catch (RuntimeException e) {
            throw new ReplayException("llama.cpp could not load " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    public Settings settings() {
        return settings;
    }

    @Override
    public Generation generate(GenerationRequest request, TextStream stream, BooleanSupplier cancelled)
            throws ReplayException {
        // No prompt cache: this llama.cpp build (b4916) decodes garbage when a prompt is wholly cached (50 of 60
        // repeated requests in a check), and re-reading a prompt costs little next to generating.
        InferenceParameters params = new InferenceParameters(request.prompt())
                .setNPredict(request.maxTokens())
                .setTemperature((float) request.temperature())
                .setTopP((float) request.topP())
                .setSeed((int) request.seed())
                .setCachePrompt(false);
        if (!request.stop().isEmpty()) {
            params.setStopStrings(request.stop().toArray(String[]::new));
        }
        StringBuilder text = new StringBuilder();
        int tokens = 0;
        try {
            LlamaIterator it = model.generate(params).iterator();
            while (it.hasNext()) {
                if (cancelled.getAsBoolean()) {
                    it.cancel();
                    return new Generation(text.toString(), tokens, FinishReason.CANCELLED);
                }
                LlamaOutput out = it.next();
                if (!out.text.isEmpty()) {
                    text.append(out.text);
                    stream.text(out.text);
                    tokens++;
                }
            }
        } catch (RuntimeException e) {
            throw new ReplayException("llama.cpp stopped generating: " + e.getMessage(), e);
        }
        FinishReason finish = tokens >= request.maxTokens() ? FinishReason.LENGTH : FinishReason.STOP;
        return new Generation(text.toString(), tokens, finish);
    }

    @Override
    public String tokenCounting() {
        return "llama.cpp's tokenizer of the model";
    }

    @Override
    public int countTokens(String text) {
        return model.encode(text).length;
    }

    @Override
    public String modelName() {
        return settings.gguf().getFileName().toString();
    }

    @Override
    public String backendName() {
        return "embedded llama.cpp (de.kherud:llama " + LIBRARY_VERSION + ")";
    }

    @Override
    public void close() {
        model.close();
    }
}
