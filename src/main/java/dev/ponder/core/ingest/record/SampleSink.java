package dev.ponder.core.ingest.record;

import dev.ponder.core.model.Problem;

/**
 * Where every reader sends what it reads, in file order. {@link #run} comes first and once; problems may
 * come before, between or never (a sample's key alone creates its problem).
 */
public interface SampleSink {

    void run(RunHeader header);

    /**
     * More about the run, learned from its records (a model name, generation settings): fields the run does
     * not have yet are filled in, parameters it lacks are added. The user's own settings still win.
     */
    void runDetails(RunHeader details);

    /** A problem's details; the id is ignored. */
    void problem(Problem problem);

    void sample(IngestedSample sample);

    void treeNode(IngestedTreeNode node);

    /**
     * What the file's own tool computed for a problem of this run (e.g. search-and-learn's {@code pred_maj@n}),
     * as a JSON object, kept to check Ponder's figures against.
     */
    void problemReference(String problemKey, String json);

    /**
     * The records that follow belong to the run of this thinking budget: a file with one record per budget becomes a
     * budget sweep, one run per budget, as a folder of files named by budget does. Sinks that make one run ignore it.
     */
    default void budget(int budget) {}

    /** A record that could not be imported and was left out; {@code location} is e.g. "line 17". */
    void skipped(String location, String reason);
}
