package dev.ponder.core.ingest;

import dev.ponder.core.ingest.record.IngestedSample;
import dev.ponder.core.ingest.record.IngestedTreeNode;
import dev.ponder.core.ingest.record.RunHeader;
import dev.ponder.core.ingest.record.SampleSink;
import dev.ponder.core.model.Problem;

/**
 * A sink that takes whatever a reader hands over and keeps none of it: for reading a file only to look at it (its
 * records sampled, a preview), the looking done by overriding what is looked at.
 */
class IgnoringSink implements SampleSink {
    @Override
    public void run(RunHeader header) {}

    @Override
    public void runDetails(RunHeader details) {}

    @Override
    public void problem(Problem problem) {}

    @Override
    public void sample(IngestedSample sample) {}

    @Override
    public void treeNode(IngestedTreeNode node) {}

    @Override
    public void problemReference(String problemKey, String json) {}

    @Override
    public void skipped(String location, String reason) {}
}
