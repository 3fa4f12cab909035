-- 0005: live play state (src/live): the exercise clock, inject releases (exactly once
-- per exercise and inject, also across restarts: UNIQUE), ad-hoc injects written on
-- the spot, acknowledgements and the teams' action log.
CREATE TABLE exercise_clock (
    exercise_id INTEGER PRIMARY KEY REFERENCES exercise(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('scheduled', 'running', 'paused', 'ended')),
    scene_index INTEGER NOT NULL CHECK (scene_index >= 0),
    anchor_scenario_minutes REAL NOT NULL,   -- scenario position at anchor_wall_us
    anchor_wall_us INTEGER NOT NULL,         -- µs since the Unix epoch
    version INTEGER NOT NULL,                -- +1 on every change (optimistic concurrency)
    updated_at TEXT NOT NULL
);

CREATE TABLE inject_release (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    inject_id TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('scheduled', 'manual', 'adhoc')),
    scenario_minutes REAL NOT NULL,          -- clock position when released
    due_wall_us INTEGER,                     -- when the clock reached it (NULL for manual and ad-hoc)
    released_at_us INTEGER NOT NULL,
    late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1)),
    organisation_count INTEGER NOT NULL DEFAULT 0,
    first_seq INTEGER NOT NULL DEFAULT 0,    -- seq of its first live_event
    created_at TEXT NOT NULL,
    UNIQUE (exercise_id, inject_id)
);

-- Injects written on the spot by the organiser or a controller (kind 'adhoc').
CREATE TABLE adhoc_inject (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    inject_id TEXT NOT NULL,                 -- 'adhoc-1', 'adhoc-2', ... per exercise
    title_ja TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    body_ja TEXT NOT NULL DEFAULT '',
    body_en TEXT NOT NULL DEFAULT '',
    audience TEXT NOT NULL,                  -- JSON of live::EventAudience
    objectives TEXT NOT NULL DEFAULT '[]',   -- JSON array of 1..10
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (exercise_id, inject_id)
);

CREATE TABLE acknowledgement (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    inject_id TEXT NOT NULL,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    acked_at_us INTEGER NOT NULL,
    UNIQUE (exercise_id, inject_id, person_id)
);
CREATE INDEX acknowledgement_organisation ON acknowledgement(exercise_id, organisation_id, inject_id);

CREATE TABLE action_entry (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    wall_at_us INTEGER NOT NULL,
    scenario_minutes REAL,                   -- NULL before the clock starts
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    objective INTEGER CHECK (objective BETWEEN 1 AND 10),
    decision_type TEXT NOT NULL CHECK (decision_type IN ('decision', 'report', 'communication', 'technical', 'other')),
    inject_id TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX action_entry_organisation ON action_entry(exercise_id, organisation_id, id);
