-- Ponder workspace schema, version 5: what the analysis needs to regrade and to be fast.
-- sample.file_correct keeps the verdict the run file itself gave (NULL where it gave none), so a run regraded
-- with another grader can go back to its file's labels. Runs graded wholly by file labels before this version
-- get theirs copied; runs graded partly by a file cannot tell which verdicts were the file's and get none.
-- analysis_cache keeps compact per-run columns and trace figures (BLOBs) so figures are computed without
-- reading the sample table or the traces again; entries go with their run, and are dropped when a run's
-- verdicts or samples change.

ALTER TABLE sample ADD COLUMN file_correct INTEGER CHECK (file_correct IN (0, 1));

UPDATE sample SET file_correct = correct
WHERE correct IS NOT NULL AND run_id IN (SELECT id FROM run WHERE grader = 'file labels');

CREATE TABLE analysis_cache (
    run_id   INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    kind     TEXT    NOT NULL,
    key      TEXT    NOT NULL,
    built_at TEXT    NOT NULL,
    data     BLOB    NOT NULL,
    PRIMARY KEY (run_id, kind, key)
);
