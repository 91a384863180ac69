package dev.ponder.core.service;

import dev.ponder.core.answer.Grader;
import dev.ponder.core.answer.Graders;
import dev.ponder.core.compute.ModelShape;
import dev.ponder.core.compute.ModelShapes;
import dev.ponder.core.ingest.read.GenericReader;
import dev.ponder.core.ingest.read.RunFormats;
import dev.ponder.core.ingest.read.RunReader;
import dev.ponder.core.tokens.TokenCounters;
import java.util.List;
import java.util.Optional;

/** What a researcher chooses from, whatever the workspace: graders, tokenizers, run formats. */
public final class Choices {
    /** The format of files read through a field mapping. */
    public static final String MAPPED_FORMAT = GenericReader.FORMAT;
    /** The tokenizers Ponder estimates token counts with when a file and its model give none. */
    public static final List<String> TOKEN_ESTIMATES = TokenCounters.ESTIMATES;
    /** The estimate used unless another tokenizer is chosen. */
    public static final String DEFAULT_TOKENIZER = TokenCounters.CL100K;
    /** The grader used unless another is chosen. */
    public static final String DEFAULT_GRADER = Graders.MATH.name();

    private Choices() {}

    /** The models of the built-in table of model shapes, by name. */
    public static List<String> modelShapes() {
        return ModelShapes.BUILT_IN.stream().map(ModelShape::name).toList();
    }

    /** The shape of a run's model: from its attributes, else its model's name in the built-in table. */
    public static java.util.Optional<ModelShape> modelShapeFor(dev.ponder.core.model.Run run) {
        return ModelShapes.forRun(run);
    }

    /**
     * The model shape a user names: a model of the built-in table, a Hugging Face {@code config.json} or a GGUF file.
     *
     * @throws IllegalArgumentException with a sentence for the user when it is none of these
     */
    public static ModelShape modelShape(String spec) {
        return ModelShapes.named(spec);
    }

    /** The names of Ponder's graders. */
    public static List<String> graders() {
        return Graders.all().stream().map(Grader::name).toList();
    }

    /** The formats Ponder reads, by name, the first recognised first. */
    public static List<String> runFormats() {
        return RunFormats.standard().readers().stream().map(RunReader::format).toList();
    }

    /**
     * What is wrong with a tokenizer choice (an estimate's name, or a {@code tokenizer.json} file), in one
     * sentence; empty when it can be used.
     */
    public static Optional<String> tokenizerProblem(String tokenizer) {
        return TokenCounters.problem(tokenizer);
    }
}
