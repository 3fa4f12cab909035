-- 0001: accounts, sessions, exercises, organisations, people, join links, audit log,
-- and the reference tables that 0002 fills from data/reference/*.json.
-- Timestamps are TEXT in UTC, ISO 8601 with milliseconds and 'Z' (sortable as text).
-- Phase dates are local to the exercise's time zone: 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM'.

CREATE TABLE ref_ministry (
    code TEXT PRIMARY KEY,              -- 'fsa', 'mic', 'mhlw', 'meti', 'mlit'
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    short_ja TEXT NOT NULL,
    short_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

CREATE TABLE ref_sector (
    code TEXT PRIMARY KEY,              -- 'ict', 'finance', 'aviation', ...
    ministry_code TEXT NOT NULL REFERENCES ref_ministry(code),
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    ceptoar_name_ja TEXT NOT NULL,
    ceptoar_name_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

-- Incident-response agencies (NPA, MOD) and cybersecurity bodies (IPA, JPCERT/CC, NICT).
CREATE TABLE ref_agency (
    code TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('incident_response', 'cybersecurity_body')),
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    short_ja TEXT NOT NULL,
    short_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

-- Verification objectives 1..10 (10 = the organisation's own, free text).
CREATE TABLE ref_objective (
    id INTEGER PRIMARY KEY,
    title_ja TEXT NOT NULL,
    title_en TEXT NOT NULL,
    description_ja TEXT NOT NULL,
    description_en TEXT NOT NULL,
    action_plan_item TEXT NOT NULL,     -- '1.2(2)'; '' for the own objective
    action_plan_title_ja TEXT NOT NULL,
    action_plan_title_en TEXT NOT NULL,
    is_custom INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE ref_answer_scale (
    code TEXT PRIMARY KEY,              -- 'prepared', 'handled', 'degree', 'mechanism', 'audit_frequency', 'four_level'
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL
);

CREATE TABLE ref_answer_option (
    scale_code TEXT NOT NULL REFERENCES ref_answer_scale(code),
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    label_ja TEXT NOT NULL,
    label_en TEXT NOT NULL,
    counts_as_yes INTEGER NOT NULL DEFAULT 0,
    degree REAL,                        -- 0..100 for 'degree' scales, else NULL
    is_no_answer INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (scale_code, code)
);

-- Readiness-survey items with ids that stay stable across fiscal years.
CREATE TABLE ref_readiness_item (
    id TEXT PRIMARY KEY,                -- 'governance.roles_defined'
    area_code TEXT NOT NULL,
    area_ja TEXT NOT NULL,
    area_en TEXT NOT NULL,
    text_ja TEXT NOT NULL,
    text_en TEXT NOT NULL,
    timing TEXT NOT NULL CHECK (timing IN ('before', 'day_of')),
    scale_code TEXT NOT NULL REFERENCES ref_answer_scale(code),
    measure TEXT NOT NULL CHECK (measure IN ('share', 'average_degree')),
    yes_label_ja TEXT NOT NULL,
    yes_label_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    introduced_fiscal_year INTEGER NOT NULL
);

CREATE TABLE reference_data_version (
    dataset TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    loaded_at TEXT NOT NULL
);

CREATE TABLE app_user (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('staff', 'person')),
    login TEXT UNIQUE,                  -- staff only; NULL for organisation people
    display_name TEXT NOT NULL,
    email TEXT,
    password_hash TEXT,                 -- Argon2id (libsodium string form); staff only
    is_admin INTEGER NOT NULL DEFAULT 0,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE user_session (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    token_hash TEXT NOT NULL UNIQUE,    -- hex SHA-256 of the cookie token
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    last_seen_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    remote_address TEXT NOT NULL DEFAULT '',
    user_agent TEXT NOT NULL DEFAULT ''
);
CREATE INDEX user_session_user ON user_session(user_id);

CREATE TABLE exercise (
    id INTEGER PRIMARY KEY,
    fiscal_year INTEGER NOT NULL,
    title_ja TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    description TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT 'Asia/Tokyo',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE exercise_phase (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('recruitment', 'briefing', 'preparation', 'exercise_day', 'feedback', 'report')),
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    sort_order INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX exercise_phase_exercise ON exercise_phase(exercise_id, sort_order);

-- Staff roles within one exercise. A ministry member sees the sectors of ministry_code.
CREATE TABLE membership (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    role TEXT NOT NULL CHECK (role IN ('organiser', 'controller', 'ministry', 'observer')),
    ministry_code TEXT REFERENCES ref_ministry(code),
    created_at TEXT NOT NULL,
    UNIQUE (exercise_id, user_id, role),
    CHECK ((role = 'ministry') = (ministry_code IS NOT NULL))
);

CREATE TABLE organisation (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    external_ref TEXT,                  -- the organiser's own code, unique per exercise; used to match on import
    name TEXT NOT NULL,
    name_kana TEXT NOT NULL DEFAULT '',
    name_en TEXT NOT NULL DEFAULT '',
    sector_code TEXT NOT NULL REFERENCES ref_sector(code),
    ministry_code TEXT NOT NULL REFERENCES ref_ministry(code),
    size_band TEXT NOT NULL CHECK (size_band IN ('small', 'medium', 'large')),
    region TEXT NOT NULL,               -- prefecture code 'JP-13' .. see data/reference/regions.json
    participation_mode TEXT NOT NULL CHECK (participation_mode IN ('venue', 'online', 'simulated')),
    search_text TEXT NOT NULL,          -- NFKC-normalised, lower-cased name fields for LIKE search
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (exercise_id, name),
    UNIQUE (exercise_id, external_ref)
);
CREATE INDEX organisation_sector ON organisation(exercise_id, sector_code);
CREATE INDEX organisation_ministry ON organisation(exercise_id, ministry_code);

-- People of an organisation. Each has an app_user (kind 'person') so that a join
-- link can open a session; role org_lead may edit the organisation and invite.
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL UNIQUE REFERENCES app_user(id),
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    role TEXT NOT NULL CHECK (role IN ('org_lead', 'participant')),
    display_name TEXT NOT NULL,
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    department TEXT NOT NULL DEFAULT '',
    is_contact INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX person_organisation ON person(organisation_id);
CREATE UNIQUE INDEX person_email ON person(organisation_id, email) WHERE email <> '';

CREATE TABLE join_link (
    id INTEGER PRIMARY KEY,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    token_hash TEXT NOT NULL UNIQUE,    -- hex SHA-256 of the 128-bit token
    created_by_user_id INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    revoked_at TEXT,
    last_used_at TEXT
);
CREATE INDEX join_link_person ON join_link(person_id);

-- Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER,
    actor_user_id INTEGER,
    actor_label TEXT NOT NULL,          -- display name (or 'cli', 'system') at the time
    action TEXT NOT NULL,               -- 'organisation.update'
    entity_type TEXT NOT NULL,
    entity_id TEXT NOT NULL,
    before_summary TEXT NOT NULL DEFAULT '',   -- JSON object of changed fields, or ''
    after_summary TEXT NOT NULL DEFAULT '',
    request_id TEXT NOT NULL DEFAULT '',
    remote_address TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);
CREATE INDEX audit_log_exercise ON audit_log(exercise_id, id);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
