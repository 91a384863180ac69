-- Ponder workspace schema, version 6: a researcher's notes on samples and problems, one note each, beside the
-- tags. Like a tag, a note is on a sample or on a problem, never both, and goes with what it is on.

CREATE TABLE note (
    sample_id  INTEGER REFERENCES sample(id) ON DELETE CASCADE,
    problem_id INTEGER REFERENCES problem(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((sample_id IS NULL) <> (problem_id IS NULL))
);
CREATE UNIQUE INDEX note_on_sample ON note(sample_id) WHERE sample_id IS NOT NULL;
CREATE UNIQUE INDEX note_on_problem ON note(problem_id) WHERE problem_id IS NOT NULL;
