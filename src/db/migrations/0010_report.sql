-- 0010: the results report (src/report): per-exercise report settings and the
-- representative issues (代表的な意見) the organiser chose from all action-record issues.

-- One row per exercise once the organiser changed a setting; absent = defaults
-- (minimum group 5; compare with every earlier fiscal year, at most 4).
CREATE TABLE report_setting (
    exercise_id INTEGER PRIMARY KEY REFERENCES exercise(id) ON DELETE CASCADE,
    minimum_group INTEGER NOT NULL DEFAULT 5 CHECK (minimum_group BETWEEN 3 AND 100),
    compared_exercise_ids TEXT,              -- JSON array of exercise ids (at most 4); NULL = default
    updated_by_user_id INTEGER REFERENCES app_user(id),
    updated_at TEXT NOT NULL
);

-- The issues shown as representative opinions, per objective in position order.
CREATE TABLE report_selected_issue (
    exercise_id INTEGER NOT NULL REFERENCES exercise(id) ON DELETE CASCADE,
    issue_id INTEGER NOT NULL REFERENCES action_record_issue(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    selected_by_user_id INTEGER REFERENCES app_user(id),
    created_at TEXT NOT NULL,
    PRIMARY KEY (exercise_id, issue_id)
);
