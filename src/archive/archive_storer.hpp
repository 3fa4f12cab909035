#pragma once

// Private to src/archive: the state and steps of one StoreArchive call (archive_store.cpp:
// the driver, organisations and people; archive_store_records.cpp: instrument data,
// surveys, sessions). Lives inside the caller's write transaction; one thread.

#include <cstdint>
#include <map>
#include <random>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "archive/archive_repository.hpp"

namespace enshu::archive {

class Storer {
  public:
    Storer(db::Connection& connection, std::int64_t exercise_id, const Archive& archive, const std::string& now,
           std::vector<Problem>& problems)
        : connection_(connection), exercise_id_(exercise_id), archive_(archive), now_(now), problems_(problems) {}

    // Runs every step in order; stops at the first error or after a step that found problems.
    Result<ImportSummary> Run();

  private:
    // The file's timestamp, or the import's time when the file leaves it empty.
    std::string Or(const std::string& timestamp) const { return timestamp.empty() ? now_ : timestamp; }
    Status Execute(std::string_view sql, const db::Params& params);
    Result<std::int64_t> InsertReturningId(std::string_view sql, const db::Params& params);
    // The app_user id of an archived person, or NULL for "".
    db::Value UserOf(const std::string& person_key) const;

    // archive_store.cpp
    Status StoreOrganisations();
    Status StorePeople();
    // archive_store_records.cpp
    Status DeleteInstrumentData(std::int64_t organisation_id);
    Status StoreInstruments();
    Result<std::int64_t> UpsertSurvey(const SurveyRecord& r);
    Result<std::int64_t> InsertAnonymousResponse(std::int64_t survey_id, const ResponseRecord& r);
    Status StoreSurveys();
    Status StoreForum();

    struct StoredPerson {
        std::int64_t person_id = 0;
        std::int64_t user_id = 0;
    };

    db::Connection& connection_;
    std::int64_t exercise_id_;
    const Archive& archive_;
    const std::string& now_;
    std::vector<Problem>& problems_;
    ImportSummary summary_;
    std::unordered_map<std::string, std::int64_t> organisation_ids_;
    std::vector<std::int64_t> replaced_organisations_;
    std::unordered_map<std::string, StoredPerson> people_;
    std::map<std::string, std::int64_t> survey_ids_;
    std::mt19937_64 random_{std::random_device{}()};
};

}  // namespace enshu::archive
