-- Schema version 1 of the flashcards store, frozen: a test upgrades it to the current schema.
-- Never edit this file; it is what stores made by flashcards 0.1 look like.
PRAGMA user_version = 1;
BEGIN TRANSACTION;
CREATE TABLE deck (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    source TEXT,
    deck_file TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL
);
INSERT INTO deck VALUES(1,'Frozen','sample.txt','/decks/frozen.toml','{}','2026-01-05T10:00:00.000Z');
CREATE TABLE card (
    id INTEGER PRIMARY KEY,
    deck_id INTEGER NOT NULL REFERENCES deck(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'basic',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    tags TEXT NOT NULL DEFAULT '',
    source_file TEXT,
    section TEXT,
    line_start INTEGER,
    line_end INTEGER,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    suspended BOOLEAN NOT NULL DEFAULT 0,
    retired BOOLEAN NOT NULL DEFAULT 0,
    reps INTEGER NOT NULL DEFAULT 0,
    ease FLOAT NOT NULL DEFAULT 2.5,
    interval INTEGER NOT NULL DEFAULT 0,
    due DATE,
    redrill BOOLEAN NOT NULL DEFAULT 0,
    lapses INTEGER NOT NULL DEFAULT 0,
    last_review DATE,
    UNIQUE (deck_id, key)
);
INSERT INTO card VALUES(1,1,'c1','basic','Question 1?','Answer 1','t','sample.txt','S',1,1,'2026-01-05T10:00:00.000Z','2026-01-05T10:00:00.000Z',0,0,1,2.5,1,'2026-01-06',0,0,'2026-01-05');
INSERT INTO card VALUES(2,1,'c2','basic','Question 2?','Answer 2','t','sample.txt','S',2,2,'2026-01-05T10:00:00.000Z','2026-01-05T10:00:00.000Z',0,0,0,2.5,0,NULL,0,0,NULL);
INSERT INTO card VALUES(3,1,'c3','basic','Question 3?','Answer 3','t','sample.txt','S',3,3,'2026-01-05T10:00:00.000Z','2026-01-05T10:00:00.000Z',0,0,0,2.5,0,NULL,0,0,NULL);
CREATE TABLE review (
    id INTEGER PRIMARY KEY,
    card_id INTEGER NOT NULL REFERENCES card(id) ON DELETE CASCADE,
    reviewed_at TEXT NOT NULL,
    study_day DATE NOT NULL,
    grade INTEGER NOT NULL CHECK (grade BETWEEN 0 AND 5),
    kind TEXT NOT NULL,
    answer_ms INTEGER,
    session_id TEXT,
    reps_before INTEGER NOT NULL,
    ease_before FLOAT NOT NULL,
    interval_before INTEGER NOT NULL,
    due_before DATE,
    redrill_before BOOLEAN NOT NULL,
    lapses_before INTEGER NOT NULL,
    last_review_before DATE,
    reps_after INTEGER NOT NULL,
    ease_after FLOAT NOT NULL,
    interval_after INTEGER NOT NULL,
    due_after DATE,
    redrill_after BOOLEAN NOT NULL,
    lapses_after INTEGER NOT NULL
);
INSERT INTO review VALUES(1,1,'2026-01-05T10:00:00.000Z','2026-01-05',4,'scheduled',1234,'s1',0,2.5,0,NULL,0,0,NULL,1,2.5,1,'2026-01-06',0,0);
CREATE INDEX ix_card_deck_id ON card (deck_id);
CREATE INDEX ix_card_due ON card (due);
CREATE INDEX ix_review_card_id ON review (card_id);
CREATE INDEX ix_review_study_day ON review (study_day);
COMMIT;
