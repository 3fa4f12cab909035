-- 0009: the exercise floor (src/world, part C): announcements on every participant's
-- screen, scheduled breaks with a full-screen countdown (the clock pauses during a
-- break), and the observers' ratings per inject and organisation.

-- An announcement shown as a banner on every screen of the exercise until it expires,
-- is withdrawn, or the person dismisses it (dismissal is per browser, not stored).
CREATE TABLE announcement (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    message_ja TEXT NOT NULL CHECK (length(message_ja) BETWEEN 1 AND 1000),
    message_en TEXT NOT NULL DEFAULT '' CHECK (length(message_en) <= 1000),
    severity TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'critical')),
    expires_at_us INTEGER,                 -- NULL: until withdrawn
    created_by INTEGER REFERENCES app_user(id),
    created_by_name TEXT NOT NULL,
    created_at_us INTEGER NOT NULL,
    withdrawn_at_us INTEGER
);
CREATE INDEX announcement_exercise ON announcement(exercise_id, id);

-- A break: from starts_at_us for duration_seconds. status moves exactly once:
-- scheduled -> running -> finished, or scheduled -> cancelled (also across restarts:
-- each move is a conditional UPDATE). paused_clock: the break paused a running clock,
-- so its end resumes it.
CREATE TABLE exercise_break (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    starts_at_us INTEGER NOT NULL,
    duration_seconds INTEGER NOT NULL CHECK (duration_seconds BETWEEN 10 AND 14400),
    message_ja TEXT NOT NULL DEFAULT '' CHECK (length(message_ja) <= 500),
    message_en TEXT NOT NULL DEFAULT '' CHECK (length(message_en) <= 500),
    status TEXT NOT NULL CHECK (status IN ('scheduled', 'running', 'finished', 'cancelled')),
    paused_clock INTEGER NOT NULL DEFAULT 0 CHECK (paused_clock IN (0, 1)),
    started_at_us INTEGER,
    ended_at_us INTEGER,
    created_by INTEGER REFERENCES app_user(id),
    created_at_us INTEGER NOT NULL
);
CREATE INDEX exercise_break_due ON exercise_break(status, starts_at_us);
CREATE INDEX exercise_break_exercise ON exercise_break(exercise_id, starts_at_us);

-- One rating per observer, organisation and inject (the observer edits it).
CREATE TABLE observation (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    inject_id TEXT NOT NULL CHECK (length(inject_id) BETWEEN 1 AND 100),
    observer_id INTEGER NOT NULL REFERENCES app_user(id),
    observer_name TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 5),
    comment TEXT NOT NULL DEFAULT '' CHECK (length(comment) <= 4000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (exercise_id, organisation_id, inject_id, observer_id)
);
CREATE INDEX observation_inject ON observation(exercise_id, inject_id);
