-- 0003: the durable event log of live play. One row per event; the stream of a
-- client is a filter of these rows by audience (src/live/live_event.hpp).
CREATE TABLE live_event (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    seq INTEGER NOT NULL,                -- 1, 2, 3, ... per exercise in commit order
    type TEXT NOT NULL,
    audience TEXT NOT NULL,              -- JSON of EventAudience
    released_at_us INTEGER NOT NULL,     -- µs since the Unix epoch when the event was decided
    payload TEXT NOT NULL,               -- JSON object
    created_at TEXT NOT NULL,
    PRIMARY KEY (exercise_id, seq)
);
