-- Ponder workspace schema, version 1.
-- Statements end with ';' at the end of a line; trigger bodies run from BEGIN to a line 'END;'.

CREATE TABLE workspace_info (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;

CREATE TABLE run (
    id            INTEGER PRIMARY KEY,
    name          TEXT NOT NULL,
    source_path   TEXT,
    source_format TEXT NOT NULL,
    source_sha256 TEXT,
    imported_at   TEXT NOT NULL,
    model         TEXT,
    strategy      TEXT,
    params_json   TEXT NOT NULL DEFAULT '{}',
    parent_run_id INTEGER REFERENCES run(id) ON DELETE SET NULL,
    grader        TEXT,
    notes         TEXT
);
CREATE INDEX run_by_sha256 ON run(source_sha256) WHERE source_sha256 IS NOT NULL;
CREATE INDEX run_by_parent ON run(parent_run_id) WHERE parent_run_id IS NOT NULL;

-- Shared by every run that attempts the same problem.
CREATE TABLE problem (
    id            INTEGER PRIMARY KEY,
    problem_key   TEXT NOT NULL UNIQUE,
    dataset       TEXT,
    question      TEXT,
    gold_answer   TEXT,
    metadata_json TEXT
);

CREATE TABLE sample (
    id               INTEGER PRIMARY KEY,
    run_id           INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    problem_id       INTEGER NOT NULL REFERENCES problem(id),
    sample_index     INTEGER NOT NULL,
    round            INTEGER NOT NULL DEFAULT 0,
    text             TEXT NOT NULL,
    think_start      INTEGER,
    think_end        INTEGER,
    truncated        INTEGER NOT NULL DEFAULT 0 CHECK (truncated IN (0, 1)),
    answer_text      TEXT,
    extracted_answer TEXT,
    answer_key       TEXT,
    correct          INTEGER CHECK (correct IN (0, 1)),
    tokens_total     INTEGER,
    tokens_thinking  INTEGER,
    tokens_estimated INTEGER NOT NULL DEFAULT 0 CHECK (tokens_estimated IN (0, 1)),
    finish_reason    TEXT,
    score            REAL,
    budget           INTEGER,
    parent_sample_id INTEGER REFERENCES sample(id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
    meta_json        TEXT,
    CHECK ((think_start IS NULL) = (think_end IS NULL))
);
CREATE UNIQUE INDEX sample_by_run_problem ON sample(run_id, problem_id, round, sample_index);
CREATE INDEX sample_by_problem ON sample(problem_id);
CREATE INDEX sample_by_parent ON sample(parent_sample_id) WHERE parent_sample_id IS NOT NULL;

-- Process-reward-model steps: where each step lies in the sample's text, and its score.
CREATE TABLE step (
    sample_id  INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
    step_index INTEGER NOT NULL,
    char_start INTEGER NOT NULL,
    char_end   INTEGER NOT NULL,
    score      REAL,
    PRIMARY KEY (sample_id, step_index)
) WITHOUT ROWID;

-- Text a strategy inserted or forced (budget forcing's "Wait", the answer prompt, ...).
CREATE TABLE segment (
    sample_id     INTEGER NOT NULL REFERENCES sample(id) ON DELETE CASCADE,
    segment_index INTEGER NOT NULL,
    kind          TEXT NOT NULL,
    char_start    INTEGER NOT NULL,
    char_end      INTEGER NOT NULL,
    detail        TEXT,
    PRIMARY KEY (sample_id, segment_index)
) WITHOUT ROWID;

CREATE TABLE tree_node (
    id         INTEGER PRIMARY KEY,
    run_id     INTEGER NOT NULL REFERENCES run(id) ON DELETE CASCADE,
    problem_id INTEGER NOT NULL REFERENCES problem(id),
    parent_id  INTEGER REFERENCES tree_node(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
    node_key   TEXT,
    iteration  INTEGER,
    step_text  TEXT,
    value      REAL,
    visits     INTEGER,
    prior      REAL,
    reward     REAL,
    terminal   INTEGER NOT NULL DEFAULT 0 CHECK (terminal IN (0, 1)),
    pruned     INTEGER NOT NULL DEFAULT 0 CHECK (pruned IN (0, 1)),
    answer     TEXT,
    correct    INTEGER CHECK (correct IN (0, 1)),
    meta_json  TEXT
);
CREATE INDEX tree_node_by_run_problem ON tree_node(run_id, problem_id);
CREATE INDEX tree_node_by_problem ON tree_node(problem_id);
CREATE INDEX tree_node_by_parent ON tree_node(parent_id) WHERE parent_id IS NOT NULL;

-- A tag is on a sample or on a problem, never both.
CREATE TABLE tag (
    name       TEXT NOT NULL,
    sample_id  INTEGER REFERENCES sample(id) ON DELETE CASCADE,
    problem_id INTEGER REFERENCES problem(id) ON DELETE CASCADE,
    created_at TEXT NOT NULL,
    CHECK ((sample_id IS NULL) <> (problem_id IS NULL))
);
CREATE UNIQUE INDEX tag_on_sample ON tag(sample_id, name) WHERE sample_id IS NOT NULL;
CREATE UNIQUE INDEX tag_on_problem ON tag(problem_id, name) WHERE problem_id IS NOT NULL;
CREATE INDEX tag_by_name ON tag(name);

CREATE TABLE saved_filter (
    name      TEXT PRIMARY KEY,
    spec_json TEXT NOT NULL
) WITHOUT ROWID;

-- Full-text index over every trace, kept in step with sample.text by the triggers below.
CREATE VIRTUAL TABLE sample_text USING fts5(text, content = 'sample', content_rowid = 'id');

CREATE TRIGGER sample_text_after_insert AFTER INSERT ON sample BEGIN
    INSERT INTO sample_text(rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER sample_text_after_delete AFTER DELETE ON sample BEGIN
    INSERT INTO sample_text(sample_text, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER sample_text_after_update AFTER UPDATE OF text ON sample BEGIN
    INSERT INTO sample_text(sample_text, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sample_text(rowid, text) VALUES (new.id, new.text);
END;
