-- 0008: the simulated outside world, part B (src/world): agency inquiry desks (疑似ホーム
-- ページ) with their notices, categories, staff and reply templates; the one case queue
-- behind both inquiries and incident reports (情報共有) with its messages; the reporting
-- configuration (recipients' priority and required fields); supply-chain partners and
-- their notices. Times are µs since the Unix epoch; scenario minutes are NULL before the
-- exercise clock was first started.

-- A desk of an exercise: an agency (code = ref_agency.code), a ministry (code =
-- ref_ministry.code) or a sector's CEPTOAR (code = ref_sector.code).
CREATE TABLE desk (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('agency', 'ministry', 'ceptoar')),
    code TEXT NOT NULL,
    name_ja TEXT NOT NULL CHECK (length(name_ja) BETWEEN 1 AND 200),
    name_en TEXT NOT NULL DEFAULT '',
    intro TEXT NOT NULL DEFAULT '',             -- homepage introduction (text, never HTML)
    categories TEXT NOT NULL,                   -- JSON array of {code, ja, en}
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (exercise_id, kind, code)
);

CREATE TABLE desk_notice (
    id INTEGER PRIMARY KEY,
    desk_id INTEGER NOT NULL REFERENCES desk(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    body TEXT NOT NULL DEFAULT '',
    published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),
    updated_at TEXT NOT NULL
);
CREATE INDEX desk_notice_desk ON desk_notice(desk_id, position);

-- Controllers assigned to a desk (their "my desks" filter; any controller may still act).
CREATE TABLE desk_staff (
    desk_id INTEGER NOT NULL REFERENCES desk(id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES app_user(id),
    PRIMARY KEY (desk_id, user_id)
);

CREATE TABLE desk_reply_template (
    id INTEGER PRIMARY KEY,
    desk_id INTEGER NOT NULL REFERENCES desk(id) ON DELETE CASCADE,
    title TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    body TEXT NOT NULL CHECK (length(body) BETWEEN 1 AND 4000),
    created_by INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL
);

-- An incident report (第一報・続報・最終報) of an organisation. incident_id groups the
-- stages of one incident: the id of its first report.
CREATE TABLE incident_report (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    incident_id INTEGER NOT NULL,
    stage TEXT NOT NULL CHECK (stage IN ('first', 'follow_up', 'final')),
    fields TEXT NOT NULL,                       -- JSON object field code -> text
    attachment_id INTEGER REFERENCES attachment(id),
    created_by_person_id INTEGER NOT NULL REFERENCES person(id),
    created_by_user_id INTEGER NOT NULL REFERENCES app_user(id),
    created_at_us INTEGER NOT NULL,
    scenario_minutes REAL
);
CREATE INDEX incident_report_organisation ON incident_report(exercise_id, organisation_id, id);
CREATE INDEX incident_report_user ON incident_report(created_by_user_id, created_at_us);

-- One case of a desk's queue: an inquiry, or the delivery of an incident report to one
-- recipient (delivery_order: 1 = the first recipient by the configured priority).
CREATE TABLE desk_case (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    desk_id INTEGER NOT NULL REFERENCES desk(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('inquiry', 'report')),
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    report_id INTEGER REFERENCES incident_report(id) ON DELETE CASCADE,
    recipient_code TEXT NOT NULL DEFAULT '',    -- reports: ministry, ceptoar, ipa, jpcert, npa
    delivery_order INTEGER NOT NULL DEFAULT 0,
    category TEXT NOT NULL DEFAULT '',
    urgency TEXT NOT NULL CHECK (urgency IN ('low', 'normal', 'high')),
    subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    contact_name TEXT NOT NULL DEFAULT '',
    contact_detail TEXT NOT NULL DEFAULT '',
    state TEXT NOT NULL CHECK (state IN ('new', 'claimed', 'waiting', 'answered', 'closed')),
    assignee_user_id INTEGER REFERENCES app_user(id),
    created_by_person_id INTEGER NOT NULL REFERENCES person(id),
    created_by_user_id INTEGER NOT NULL REFERENCES app_user(id),
    created_at_us INTEGER NOT NULL,
    scenario_minutes REAL,
    first_reply_at_us INTEGER,                  -- first reply, ask-back or acknowledgement
    updated_at_us INTEGER NOT NULL
);
CREATE INDEX desk_case_queue ON desk_case(exercise_id, desk_id, state);
CREATE INDEX desk_case_organisation ON desk_case(exercise_id, organisation_id, id);
CREATE INDEX desk_case_user ON desk_case(created_by_user_id, created_at_us);

CREATE TABLE case_message (
    id INTEGER PRIMARY KEY,
    case_id INTEGER NOT NULL REFERENCES desk_case(id) ON DELETE CASCADE,
    kind TEXT NOT NULL CHECK (kind IN ('inbound', 'reply', 'ask_back', 'acknowledge', 'note', 'handover')),
    author_user_id INTEGER REFERENCES app_user(id),
    author_label TEXT NOT NULL,
    body TEXT NOT NULL CHECK (length(body) <= 8000),
    attachment_id INTEGER REFERENCES attachment(id),
    wall_at_us INTEGER NOT NULL,
    scenario_minutes REAL
);
CREATE INDEX case_message_case ON case_message(case_id, id);
-- The per-account rate limit counts an account's inbound messages of the last minute.
CREATE INDEX case_message_author ON case_message(author_user_id, wall_at_us);

-- The reporting configuration of an exercise: the recipients in priority order and each
-- one's extra required fields (codes of world/incident_report_fields.hpp).
CREATE TABLE report_recipient (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    code TEXT NOT NULL CHECK (code IN ('ministry', 'ceptoar', 'ipa', 'jpcert', 'npa')),
    priority INTEGER NOT NULL CHECK (priority >= 1),
    required_fields TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (exercise_id, code)
);

-- Supply-chain partners an organisation declared (no consent needed; the partner sees
-- who declared it).
CREATE TABLE partner (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    partner_organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    relation TEXT NOT NULL CHECK (relation IN ('customer', 'supplier')),
    service TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    UNIQUE (organisation_id, partner_organisation_id, relation),
    CHECK (organisation_id <> partner_organisation_id)
);
CREATE INDEX partner_partner ON partner(exercise_id, partner_organisation_id);

CREATE TABLE partner_notice (
    id INTEGER PRIMARY KEY,
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    subject TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
    body TEXT NOT NULL,
    created_by_person_id INTEGER NOT NULL REFERENCES person(id),
    created_by_user_id INTEGER NOT NULL REFERENCES app_user(id),
    created_at_us INTEGER NOT NULL,
    scenario_minutes REAL
);
CREATE INDEX partner_notice_user ON partner_notice(created_by_user_id, created_at_us);

CREATE TABLE partner_notice_recipient (
    notice_id INTEGER NOT NULL REFERENCES partner_notice(id) ON DELETE CASCADE,
    organisation_id INTEGER NOT NULL REFERENCES organisation(id) ON DELETE CASCADE,
    PRIMARY KEY (notice_id, organisation_id)
);
CREATE INDEX partner_notice_recipient_organisation ON partner_notice_recipient(organisation_id);
