-- 0006: evaluation instruments (src/evaluation): the readiness survey, verification
-- objectives, the action-record sheet, the generic survey engine, roundtable and
-- feedback sessions with their opinions, and in-app notices (reminders).
-- These rows are what the results report (src/report) aggregates and what the
-- exercise data archive (docs/data-format.md) exports and imports.

-- When an instrument may be answered. Times are UTC ISO 8601 ('...Z'); NULL = no limit.
CREATE TABLE instrument_window (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    instrument TEXT NOT NULL CHECK (instrument IN
        ('readiness_before', 'readiness_day_of', 'objectives', 'action_record')),
    opens_at TEXT,
    closes_at TEXT,
    PRIMARY KEY (exercise_id, instrument)
);

-- Readiness survey (障害対応体制の強化の取組状況): one response per organisation and
-- part; part 'before' holds the items with timing 'before', 'day_of' the day-of items.
CREATE TABLE readiness_response (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    part TEXT NOT NULL CHECK (part IN ('before', 'day_of')),
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    submitted_at TEXT,
    submitted_by_user_id INTEGER REFERENCES app_user(id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (exercise_id, organisation_id, part)
);

-- One answer per item: option_code is a code of the item's answer scale
-- (ref_answer_option of ref_readiness_item.scale_code).
CREATE TABLE readiness_answer (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    item_id TEXT NOT NULL REFERENCES ref_readiness_item(id),
    option_code TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (exercise_id, organisation_id, item_id)
);

-- Verification objectives (検証課題) an organisation chose: standard ones 1..9 with
-- custom_index 0, and its own objectives (id 10) numbered 1, 2, ... with their text.
CREATE TABLE chosen_objective (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    objective_id INTEGER NOT NULL REFERENCES ref_objective(id),
    custom_index INTEGER NOT NULL DEFAULT 0,
    custom_text TEXT NOT NULL DEFAULT '' CHECK (length(custom_text) <= 1000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (exercise_id, organisation_id, objective_id, custom_index),
    CHECK ((objective_id = 10) = (custom_index > 0)),
    CHECK ((objective_id = 10) = (custom_text <> ''))
);
CREATE INDEX chosen_objective_organisation ON chosen_objective(exercise_id, organisation_id);

-- Action-record sheet (行動記録シート): one per organisation. The organiser may reopen
-- a submitted sheet (status back to 'draft', reopened_* set).
CREATE TABLE action_record_sheet (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    status TEXT NOT NULL CHECK (status IN ('draft', 'submitted')),
    submitted_at TEXT,
    submitted_by_user_id INTEGER REFERENCES app_user(id),
    reopened_at TEXT,
    reopened_by_user_id INTEGER REFERENCES app_user(id),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (exercise_id, organisation_id)
);

-- Setting 1 = procedures exist (手順書等の有無), 2 = referred to (参照), 3 = acted (行動);
-- option_code from the 'four_level' scale (very_well, well, not_well, hardly, no_answer).
CREATE TABLE action_record_rating (
    chosen_objective_id INTEGER NOT NULL REFERENCES chosen_objective(id) ON DELETE CASCADE,
    setting INTEGER NOT NULL CHECK (setting BETWEEN 1 AND 3),
    option_code TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (chosen_objective_id, setting)
);

-- Issues found (洗い出された課題), several per chosen objective, in order.
CREATE TABLE action_record_issue (
    id INTEGER PRIMARY KEY,
    chosen_objective_id INTEGER NOT NULL REFERENCES chosen_objective(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (chosen_objective_id, position)
);

-- Generic surveys. code is stable within an exercise ('roundtable', 'exercise_day',
-- 'feedback_session' for the bundled templates); respondent: one answer per person
-- or one per organisation. Anonymous surveys store no person or organisation on the
-- response (see survey_participation).
CREATE TABLE survey (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    title_ja TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    intro_ja TEXT NOT NULL DEFAULT '',
    intro_en TEXT NOT NULL DEFAULT '',
    respondent TEXT NOT NULL CHECK (respondent IN ('person', 'organisation')),
    anonymity TEXT NOT NULL CHECK (anonymity IN ('named', 'anonymous')),
    opens_at TEXT,
    closes_at TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (exercise_id, code)
);

-- kind: single_choice | multiple_choice | likert | number | free_text.
-- options: JSON array [{"code","label_ja","label_en"}] in display order (likert: levels
-- from best to worst); '[]' for number and free_text.
-- show_if: '' or JSON {"question":"<code>","any_of":["<option code>", ...]}.
CREATE TABLE survey_question (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
    code TEXT NOT NULL,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('single_choice', 'multiple_choice', 'likert', 'number', 'free_text')),
    text_ja TEXT NOT NULL,
    text_en TEXT NOT NULL DEFAULT '',
    required INTEGER NOT NULL DEFAULT 0 CHECK (required IN (0, 1)),
    options TEXT NOT NULL DEFAULT '[]',
    number_min REAL,
    number_max REAL,
    show_if TEXT NOT NULL DEFAULT '',
    UNIQUE (survey_id, code)
);

-- A submitted answer set. For anonymous surveys: id is random (not in submission
-- order), organisation_id and person_id are NULL, submitted_on keeps only the date,
-- and only the sector is kept for per-sector figures.
CREATE TABLE survey_response (
    id INTEGER PRIMARY KEY,
    survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    person_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
    sector_code TEXT NOT NULL REFERENCES ref_sector(code),
    submitted_on TEXT NOT NULL               -- 'YYYY-MM-DD' in the exercise's time zone
);
CREATE INDEX survey_response_survey ON survey_response(survey_id);

-- value: JSON — "code" (single_choice, likert), ["code", ...] (multiple_choice),
-- a number, or "text" (free_text).
-- WITHOUT ROWID (here and in survey_participation): a hidden rowid would keep the
-- insertion order, and matching the n-th answer row with the n-th participation row
-- would tell who gave an anonymous answer. Rows are stored in key order instead.
CREATE TABLE survey_answer (
    response_id INTEGER NOT NULL REFERENCES survey_response(id) ON DELETE CASCADE,
    question_id INTEGER NOT NULL REFERENCES survey_question(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    PRIMARY KEY (response_id, question_id)
) WITHOUT ROWID;

-- Who has answered (response rates, one answer each). Never linked to the response.
CREATE TABLE survey_participation (
    survey_id INTEGER NOT NULL REFERENCES survey(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL DEFAULT 0,    -- 0 when the respondent is the organisation
    PRIMARY KEY (survey_id, organisation_id, person_id)
) WITHOUT ROWID;

-- Roundtable (サブコン座談会) and feedback sessions (意見交換会). starts_at/ends_at are
-- local to the exercise ('YYYY-MM-DDTHH:MM'). themes and experts: JSON arrays of strings.
CREATE TABLE forum_session (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('roundtable', 'feedback')),
    title_ja TEXT NOT NULL,
    title_en TEXT NOT NULL DEFAULT '',
    starts_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('venue', 'web', 'hybrid')),
    location TEXT NOT NULL DEFAULT '',
    capacity INTEGER CHECK (capacity IS NULL OR capacity > 0),
    themes TEXT NOT NULL DEFAULT '[]',
    experts TEXT NOT NULL DEFAULT '[]',
    survey_id INTEGER REFERENCES survey(id) ON DELETE SET NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX forum_session_exercise ON forum_session(exercise_id, starts_at);

-- attended: NULL = not yet recorded, 0 = absent, 1 = attended.
CREATE TABLE forum_registration (
    session_id INTEGER NOT NULL REFERENCES forum_session(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    attended INTEGER CHECK (attended IS NULL OR attended IN (0, 1)),
    registered_at TEXT NOT NULL,
    PRIMARY KEY (session_id, person_id)
);
CREATE INDEX forum_registration_organisation ON forum_registration(organisation_id);

-- Kinds of opinion: the built-in six (exercise_id 0) and those an organiser adds.
CREATE TABLE opinion_kind (
    exercise_id INTEGER NOT NULL,            -- 0 = built in, for every exercise
    code TEXT NOT NULL,
    label_ja TEXT NOT NULL,
    label_en TEXT NOT NULL,
    position INTEGER NOT NULL,
    PRIMARY KEY (exercise_id, code)
);
INSERT INTO opinion_kind (exercise_id, code, label_ja, label_en, position) VALUES
    (0, 'manual_gaps', 'マニュアル等の不備', 'Gaps in manuals and procedures', 1),
    (0, 'public_disclosure', '公表・広報', 'Public disclosure and communication', 2),
    (0, 'organisation_building', '体制整備', 'Building the organisation', 3),
    (0, 'information_sharing', '情報共有・報告', 'Information sharing and reporting', 4),
    (0, 'incident_judgement', 'インシデントの判断', 'Judging an incident', 5),
    (0, 'supply_chain', 'サプライチェーン', 'Supply chain', 6);

-- An opinion said during a session (organisation optional: some are not attributed).
CREATE TABLE forum_opinion (
    id INTEGER PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES forum_session(id) ON DELETE CASCADE,
    organisation_id INTEGER REFERENCES organisation(id) ON DELETE SET NULL,
    kind_code TEXT NOT NULL,
    text TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
    recorded_by_user_id INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL
);
CREATE INDEX forum_opinion_session ON forum_opinion(session_id);

-- In-app notices on an organisation's home page (reminders). kind selects the
-- translated text in the UI; params is a JSON object of values it names.
CREATE TABLE notice (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    params TEXT NOT NULL DEFAULT '{}',
    created_by_user_id INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    dismissed_at TEXT
);
CREATE INDEX notice_organisation ON notice(exercise_id, organisation_id, id);
