-- 0007: the simulated outside world, part A (src/world): the shared attachment store,
-- the mock public-relations site (広報サイト: statements and their revisions), media
-- personas and items (simulated press and social media), and the per-account post log
-- behind the rate limit.

-- Files attached to statements, media items, inquiries, reports. The bytes are stored
-- here (BLOB, at most 5 MiB each: world/attachment_store.hpp), so a backup of the
-- database is a backup of everything.
--   visibility 'owner':    organisation_id set  -> whoever may view that organisation
--                          organisation_id NULL -> staff who watch the exercise
--   visibility 'exercise': every member of the exercise (published with a statement or item)
CREATE TABLE attachment (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE CASCADE,
    visibility TEXT NOT NULL CHECK (visibility IN ('owner', 'exercise')),
    filename TEXT NOT NULL CHECK (length(filename) BETWEEN 1 AND 200),
    content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/png', 'image/jpeg', 'text/plain')),
    size_bytes INTEGER NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
    content BLOB NOT NULL,
    uploaded_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL
);
CREATE INDEX attachment_exercise ON attachment(exercise_id, organisation_id);

-- A statement of an organisation on the mock PR site. The current text is in the
-- statement row; every published version (1, 2, ...) is a statement_revision row.
CREATE TABLE statement (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    state TEXT NOT NULL CHECK (state IN ('draft', 'published', 'withdrawn')),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    attachment_id INTEGER REFERENCES attachment(id),
    revision INTEGER NOT NULL DEFAULT 0,          -- published revisions so far (0 = never published)
    created_by INTEGER NOT NULL REFERENCES person(id),
    created_at_us INTEGER NOT NULL,
    updated_at_us INTEGER NOT NULL,
    published_at_us INTEGER,                      -- first publication
    published_scenario_minutes REAL,              -- NULL when published before the clock started
    withdrawn_at_us INTEGER,
    withdrawn_scenario_minutes REAL
);
CREATE INDEX statement_feed ON statement(exercise_id, state, published_at_us);
CREATE INDEX statement_organisation ON statement(exercise_id, organisation_id, id);

CREATE TABLE statement_revision (
    statement_id INTEGER NOT NULL REFERENCES statement(id) ON DELETE CASCADE,
    revision INTEGER NOT NULL CHECK (revision >= 1),
    title TEXT NOT NULL,
    body TEXT NOT NULL,
    attachment_id INTEGER REFERENCES attachment(id),
    author_person_id INTEGER NOT NULL REFERENCES person(id),
    wall_at_us INTEGER NOT NULL,
    scenario_minutes REAL,
    PRIMARY KEY (statement_id, revision)
);

-- Who speaks in the simulated press and social media (played by controllers).
CREATE TABLE media_persona (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    handle TEXT NOT NULL,                         -- '@' + [A-Za-z0-9_]{1,30}
    kind TEXT NOT NULL CHECK (kind IN ('news', 'citizen', 'vendor', 'official')),
    verified INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
    avatar_attachment_id INTEGER REFERENCES attachment(id),
    created_at TEXT NOT NULL,
    UNIQUE (exercise_id, handle)
);

-- One press article or social post. State 'scheduled' waits for the exercise clock to
-- reach scheduled_minutes; the change to 'published' is one guarded UPDATE (exactly once).
CREATE TABLE media_item (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    persona_id INTEGER NOT NULL REFERENCES media_persona(id),
    channel TEXT NOT NULL CHECK (channel IN ('press', 'social')),
    text TEXT NOT NULL,
    hashtags TEXT NOT NULL DEFAULT '[]',          -- JSON array parsed from text, lower-cased
    image_attachment_id INTEGER REFERENCES attachment(id),
    base_engagement INTEGER NOT NULL DEFAULT 100 CHECK (base_engagement BETWEEN 0 AND 1000000),
    state TEXT NOT NULL CHECK (state IN ('scheduled', 'published')),
    scheduled_minutes REAL,
    hidden INTEGER NOT NULL DEFAULT 0 CHECK (hidden IN (0, 1)),
    published_at_us INTEGER,
    published_scenario_minutes REAL,
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL
);
CREATE INDEX media_item_feed ON media_item(exercise_id, state, published_at_us);

-- One row per write on the PR site and in the media (statements, media posts, uploads),
-- for the per-account rate limit (world/post_rate_limit).
CREATE TABLE world_post (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    at_us INTEGER NOT NULL
);
CREATE INDEX world_post_user ON world_post(user_id, at_us);
