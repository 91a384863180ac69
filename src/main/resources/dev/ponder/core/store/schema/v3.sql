-- Ponder workspace schema, version 3: the full-text index is filled in bulk when a run is written, not row by
-- row by a trigger: measured here, a per-row FTS5 insert manages about 22k short traces/s, one INSERT ... SELECT
-- after the rows about 100k/s. columnsize=0 drops the per-document size table (hits are listed in order, not by
-- bm25); larger FTS pages and a 64 MB pending-terms hash cut the merging during big imports, and automerge is
-- off (72 instead of 54 MB/s indexing a GB of traces here): FTS5's crisis merge still bounds the segments.

DROP TRIGGER sample_text_after_insert;
DROP TRIGGER sample_text_after_delete;
DROP TRIGGER sample_text_after_update;
DROP TABLE sample_text;

CREATE VIRTUAL TABLE sample_text USING fts5(text, content = 'sample', content_rowid = 'id', columnsize = 0);
INSERT INTO sample_text(sample_text, rank) VALUES ('pgsz', 8000);
INSERT INTO sample_text(sample_text, rank) VALUES ('hashsize', 67108864);
INSERT INTO sample_text(sample_text, rank) VALUES ('automerge', 0);

CREATE TRIGGER sample_text_after_delete AFTER DELETE ON sample BEGIN
    INSERT INTO sample_text(sample_text, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER sample_text_after_update AFTER UPDATE OF text ON sample BEGIN
    INSERT INTO sample_text(sample_text, rowid, text) VALUES ('delete', old.id, old.text);
    INSERT INTO sample_text(rowid, text) VALUES (new.id, new.text);
END;

INSERT INTO sample_text(sample_text) VALUES ('rebuild');
