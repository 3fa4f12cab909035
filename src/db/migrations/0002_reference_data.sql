-- 0002: prefectures, and the first versions of the reference datasets.
-- The runner executes this SQL, then (same transaction) loads the datasets named on
-- the marker line from data/reference/<dataset>.v<version>.json into the ref_*
-- tables (upsert by id) and records each version in reference_data_version.
-- A later fiscal year adds a new file version and a new migration with its own
-- marker line (e.g. "readiness_items@2"); ids never change.

CREATE TABLE ref_region (
    code TEXT PRIMARY KEY,              -- ISO 3166-2: 'JP-01' .. 'JP-47'
    name_ja TEXT NOT NULL,
    name_en TEXT NOT NULL,
    sort_order INTEGER NOT NULL
);

-- enshu:load-reference-data ministries@1 sectors@1 agencies@1 objectives@1 answer_scales@1 readiness_items@1 regions@1
