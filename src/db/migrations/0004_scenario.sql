-- 0004: the scenario of each exercise and its overlays (src/scenario/scenario_store.hpp),
-- stored as canonical YAML (docs/scenario-format.md), and the team roles of people
-- (the functions a person has inside its organisation, which inject audiences name).
CREATE TABLE scenario (
    exercise_id INTEGER PRIMARY KEY REFERENCES exercise(id) ON DELETE CASCADE,
    document TEXT NOT NULL,              -- canonical YAML of the master scenario
    version INTEGER NOT NULL,            -- 1, 2, 3, ... per save (guards against lost updates)
    updated_at TEXT NOT NULL
);

CREATE TABLE scenario_overlay (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    scope TEXT NOT NULL CHECK (scope IN ('sector', 'organisation')),
    scope_key TEXT NOT NULL,             -- sector code, or organisation id as text
    document TEXT NOT NULL,              -- canonical YAML of the overlay
    version INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (exercise_id, scope, scope_key)
);

-- Comma-separated functions: management, csirt, pr, systems, legal, operations.
ALTER TABLE person ADD COLUMN team_roles TEXT NOT NULL DEFAULT '';
