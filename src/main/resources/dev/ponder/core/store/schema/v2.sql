-- Ponder workspace schema, version 2: what a file's own tool computed per problem of a run
-- (search-and-learn's pred_weighted@n / pred_maj@n / pred_naive@n, s1's cov@n and maj@n, lm-eval's
-- per-document metrics), kept as JSON so Ponder's figures can be checked against them.

CREATE TABLE run_problem (
    run_id         INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    problem_id     INTEGER NOT NULL REFERENCES problem(id),
    reference_json TEXT NOT NULL,
    PRIMARY KEY (run_id, problem_id)
) WITHOUT ROWID;
CREATE INDEX run_problem_by_problem ON run_problem(problem_id);
