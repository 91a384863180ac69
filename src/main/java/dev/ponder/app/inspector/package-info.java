/** The trace inspector: one sample's trace highlighted (thinking, answers by verdict, markers, first correct answer, inserted text), its answer timeline, PRM steps in the gutter, find, tags and note. */
package dev.ponder.app.inspector;
