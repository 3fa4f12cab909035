#!/usr/bin/env python3
"""Writes a synthetic exercise data archive (docs/data-format.md) for bench/archive_bench.sh.

archive_data.py DIR [ORGANISATIONS] [ISSUES]
  ORGANISATIONS (default 1000) organisations with 2 people each, 17 readiness answers each,
  10 chosen objectives each (objectives 1-9 and one own objective) rated in all 3 settings,
  and ISSUES (default 50000) issue texts spread evenly over the objectives.
Fictional data only; deterministic (same arguments, same bytes)."""

import csv
import os
import sys

SECTORS = [("ict", "mic"), ("finance", "fsa"), ("electricity", "meti"), ("railway", "mlit"), ("medical", "mhlw")]
ITEMS = [
    ("governance.roles_defined", "organised"), ("governance.day_of_authority", "handled"),
    ("governance.decision_criteria", "organised"), ("governance.day_of_criteria", "handled"),
    ("bcp.it_bcp_prepared", "prepared"), ("bcp.day_of_degree", "mostly"), ("csirt.prepared", "prepared"),
    ("csirt.day_of_degree", "half"), ("safety_standards.manuals_prepared", "in_progress"),
    ("safety_standards.day_of_degree", "fully"), ("information_sharing.internal_arrangements", "organised"),
    ("information_sharing.day_of_degree", "partly"), ("incident_response.contingency_plan_prepared", "prepared"),
    ("incident_response.day_of_degree", "mostly"), ("risk_management.improvement_mechanism", "exists"),
    ("risk_management.supply_chain", "not_organised"), ("audit.frequency", "yearly_or_more"),
]
LEVELS = ["very_well", "well", "not_well", "hardly", "no_answer"]
STAMP = "2023-12-08T03:00:00.000Z"


def write(directory, name, header, rows):
    with open(os.path.join(directory, name), "w", encoding="utf-8-sig", newline="") as stream:
        writer = csv.writer(stream, lineterminator="\r\n")
        writer.writerow(header)
        writer.writerows(rows)
    return len(rows)


def main():
    directory = sys.argv[1]
    organisations = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    issues = int(sys.argv[3]) if len(sys.argv) > 3 else 50000
    os.makedirs(directory, exist_ok=True)
    keys = ["B-%05d" % i for i in range(1, organisations + 1)]
    counts = {}
    counts["organisations.csv"] = write(
        directory, "organisations.csv",
        ["organisation_key", "external_ref", "name", "name_kana", "name_en", "sector_code", "ministry_code",
         "size_band", "region", "participation_mode"],
        [[k, k, "ベンチ事業者%05d" % i, "", "Bench operator %05d" % i, SECTORS[i % 5][0], SECTORS[i % 5][1],
          ["small", "medium", "large"][i % 3], "JP-13", ["venue", "online", "simulated"][i % 3]]
         for i, k in enumerate(keys, 1)])
    counts["people.csv"] = write(
        directory, "people.csv",
        ["person_key", "organisation_key", "role", "display_name", "email", "phone", "department", "is_contact",
         "team_roles"],
        [row for k in keys for row in (
            [k + "/1", k, "org_lead", "責任者 " + k, k.lower() + "-lead@example.jp", "", "情報システム部", "1",
             "management;csirt"],
            [k + "/2", k, "participant", "担当者 " + k, k.lower() + "-csirt@example.jp", "", "", "0", "csirt"])])
    counts["readiness_answers.csv"] = write(
        directory, "readiness_answers.csv", ["organisation_key", "item_id", "option_code", "updated_at"],
        [[k, item, option, STAMP] for k in keys for item, option in sorted(ITEMS)])
    objectives = [(k, objective, 1 if objective == 10 else 0) for k in keys for objective in range(1, 11)]
    counts["objectives.csv"] = write(
        directory, "objectives.csv",
        ["organisation_key", "objective_id", "custom_index", "custom_text", "created_at", "updated_at"],
        [[k, o, c, "自組織の検証課題（" + k + "）" if o == 10 else "", STAMP, STAMP] for k, o, c in objectives])
    counts["action_record_ratings.csv"] = write(
        directory, "action_record_ratings.csv",
        ["organisation_key", "objective_id", "custom_index", "setting", "option_code", "updated_at"],
        [[k, o, c, s, LEVELS[(i + s) % 5], STAMP] for i, (k, o, c) in enumerate(objectives) for s in (1, 2, 3)])
    per_objective = issues // len(objectives)
    extra = issues - per_objective * len(objectives)
    rows = []
    for i, (k, o, c) in enumerate(objectives):
        for position in range(1, per_objective + (1 if i < extra else 0) + 1):
            rows.append([k, o, c, position,
                         "課題%d：夜間・休日の連絡体制が手順書と一致していなかった。\n対応：連絡先一覧を四半期ごとに更新する。"
                         % position, STAMP, STAMP])
    counts["action_record_issues.csv"] = write(
        directory, "action_record_issues.csv",
        ["organisation_key", "objective_id", "custom_index", "position", "text", "created_at", "updated_at"], rows)
    manifest = [["format", "enshu-exercise-archive"], ["format_version", "1"], ["fiscal_year", "2023"]]
    manifest += [["rows:" + name, str(count)] for name, count in sorted(counts.items())]
    write(directory, "manifest.csv", ["key", "value"], manifest)


if __name__ == "__main__":
    main()
