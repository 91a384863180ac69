-- Ponder workspace schema, version 4: one full-text index per run (trace_index_<run id>) instead of one shared
-- by the whole workspace. A new run's index is built on a thread of its own while its rows are written and
-- copied in with them (several times faster for big imports, where tokenising is the slowest part), and a
-- deleted run drops its index at once instead of re-reading every trace to take it out. Samples are deleted
-- only with their run, so no trigger keeps an index in step. The migration step in Java then gives the runs
-- already here their own index and drops the shared one.

DROP TRIGGER sample_text_after_delete;
DROP TRIGGER sample_text_after_update;
