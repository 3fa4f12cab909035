#include "exercise/model.hpp"

namespace enshu::exercise {
namespace {

nlohmann::json OptionalTextJson(const std::optional<std::string>& value) {
    if (value) return *value;
    return nullptr;
}

}  // namespace

nlohmann::json PhaseJson(const Phase& phase) {
    return {{"id", phase.id},
            {"kind", phase.kind},
            {"starts_at", phase.starts_at},
            {"ends_at", phase.ends_at},
            {"note", phase.note}};
}

nlohmann::json ExerciseFieldsJson(const Exercise& exercise) {
    nlohmann::json phases = nlohmann::json::array();
    for (const auto& phase : exercise.phases) {
        phases.push_back(
            {{"kind", phase.kind}, {"starts_at", phase.starts_at}, {"ends_at", phase.ends_at}, {"note", phase.note}});
    }
    return {{"fiscal_year", exercise.fiscal_year}, {"title_ja", exercise.title_ja},   {"title_en", exercise.title_en},
            {"description", exercise.description}, {"time_zone", exercise.time_zone}, {"phases", phases}};
}

nlohmann::json ExerciseJson(const ExerciseView& view) {
    const Exercise& exercise = view.exercise;
    nlohmann::json phases = nlohmann::json::array();
    for (const auto& phase : exercise.phases) phases.push_back(PhaseJson(phase));
    return {{"id", exercise.id},
            {"fiscal_year", exercise.fiscal_year},
            {"title_ja", exercise.title_ja},
            {"title_en", exercise.title_en},
            {"description", exercise.description},
            {"time_zone", exercise.time_zone},
            {"phases", phases},
            {"my_roles", view.my_roles},
            {"organisation_count", view.organisation_count},
            {"created_at", exercise.created_at},
            {"updated_at", exercise.updated_at}};
}

nlohmann::json OrganisationFieldsJson(const Organisation& organisation) {
    return {{"external_ref", organisation.external_ref},
            {"name", organisation.name},
            {"name_kana", organisation.name_kana},
            {"name_en", organisation.name_en},
            {"sector_code", organisation.sector_code},
            {"ministry_code", organisation.ministry_code},
            {"size_band", organisation.size_band},
            {"region", organisation.region},
            {"participation_mode", organisation.participation_mode}};
}

nlohmann::json OrganisationJson(const Organisation& organisation) {
    nlohmann::json json = OrganisationFieldsJson(organisation);
    if (organisation.external_ref.empty()) json["external_ref"] = nullptr;
    json["id"] = organisation.id;
    json["exercise_id"] = organisation.exercise_id;
    json["people_count"] = organisation.people_count;
    json["created_at"] = organisation.created_at;
    json["updated_at"] = organisation.updated_at;
    return json;
}

nlohmann::json PersonFieldsJson(const Person& person) {
    return {{"role", person.role},
            {"display_name", person.display_name},
            {"email", person.email},
            {"phone", person.phone},
            {"department", person.department},
            {"is_contact", person.is_contact},
            {"team_roles", person.team_roles}};
}

nlohmann::json PersonJson(const Person& person) {
    nlohmann::json json = PersonFieldsJson(person);
    json["id"] = person.id;
    json["organisation_id"] = person.organisation_id;
    json["join_link"] = {{"status", person.join_link.status},
                         {"expires_at", OptionalTextJson(person.join_link.expires_at)},
                         {"last_used_at", OptionalTextJson(person.join_link.last_used_at)}};
    json["created_at"] = person.created_at;
    json["updated_at"] = person.updated_at;
    return json;
}

}  // namespace enshu::exercise
