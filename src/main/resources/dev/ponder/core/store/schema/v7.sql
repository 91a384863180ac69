-- Ponder workspace schema, version 7: a model judge's verdicts on answer–gold pairs (docs/methods.md, "Model judge"),
-- kept so that each pair is asked about once, whichever run it comes from. A judge is its model and the version of
-- Ponder's fixed prompt; a verdict is 1 (the same), 0 (not the same) or NULL (the reply said neither).

CREATE TABLE judge_verdict (
    judge      TEXT NOT NULL,
    answer     TEXT NOT NULL,
    gold       TEXT NOT NULL,
    verdict    INTEGER,
    reply      TEXT,
    judged_at  TEXT NOT NULL,
    PRIMARY KEY (judge, answer, gold)
) WITHOUT ROWID;
