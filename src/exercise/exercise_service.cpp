#include "exercise/exercise_service.hpp"

#include <utility>

#include "exercise/exercise_repository.hpp"
#include "exercise/organisation_repository.hpp"
#include "exercise/visibility.hpp"

namespace enshu::exercise {
namespace {

Result<ExerciseView> ViewOf(db::Connection& connection, const Principal& principal, Exercise exercise) {
    ExerciseView view;
    view.my_roles = RoleNamesOf(principal, exercise.id);
    auto count = CountOrganisations(connection, exercise.id, VisibilityOf(principal, exercise.id), {});
    if (!count) return tl::unexpected(count.error());
    view.organisation_count = *count;
    view.exercise = std::move(exercise);
    return view;
}

tl::unexpected<Error> ExerciseNotFound(std::int64_t exercise_id) {
    return Fail(ErrorCode::kNotFound, "exercise " + std::to_string(exercise_id) + " not found", "exercise_id");
}

}  // namespace

Result<ExerciseView> ExerciseService::Create(const Principal& principal, const audit::Actor& actor,
                                             const ExerciseInput& input) {
    if (!principal.is_admin) return Fail(ErrorCode::kForbidden, "only administrators may create exercises");
    if (!input.fiscal_year || !input.title_ja) {
        return Fail(ErrorCode::kInvalidArgument,
                    std::string(input.fiscal_year ? "title_ja" : "fiscal_year") + ": is required",
                    input.fiscal_year ? "title_ja" : "fiscal_year");
    }
    Exercise exercise;
    ApplyExerciseInput(input, exercise);
    ExerciseView view;
    const std::string now = FormatTimestamp(clock_.Now());
    auto status = database_.Write([&](db::Connection& connection) -> Status {
        if (auto inserted = InsertExercise(connection, exercise, now); !inserted) return inserted;
        if (auto added = AddOrganiserMembership(connection, exercise.id, principal.user_id, now); !added) {
            return added;
        }
        if (auto appended = audit_.Append(connection, actor,
                                          {exercise.id, "exercise.create", "exercise", std::to_string(exercise.id),
                                           nullptr, ExerciseFieldsJson(exercise)});
            !appended) {
            return appended;
        }
        view.exercise = exercise;
        view.my_roles = {"organiser"};
        view.organisation_count = 0;
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return view;
}

Result<ExerciseView> ExerciseService::Get(const Principal& principal, std::int64_t exercise_id) {
    if (!principal.IsMember(exercise_id)) return ExerciseNotFound(exercise_id);
    ExerciseView view;
    auto status = database_.Read([&](db::Connection& connection) -> Status {
        auto exercise = FindExercise(connection, exercise_id);
        if (!exercise) return tl::unexpected(exercise.error());
        if (!*exercise) return ExerciseNotFound(exercise_id);
        auto built = ViewOf(connection, principal, std::move(**exercise));
        if (!built) return tl::unexpected(built.error());
        view = std::move(*built);
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return view;
}

Result<std::vector<ExerciseView>> ExerciseService::List(const Principal& principal) {
    std::vector<ExerciseView> views;
    auto status = database_.Read([&](db::Connection& connection) -> Status {
        auto exercises =
            principal.is_admin ? ListAllExercises(connection) : ListExercisesOfUser(connection, principal.user_id);
        if (!exercises) return tl::unexpected(exercises.error());
        for (auto& exercise : *exercises) {
            // The session's memberships are authoritative for what the caller may see.
            if (!principal.IsMember(exercise.id)) continue;
            auto view = ViewOf(connection, principal, std::move(exercise));
            if (!view) return tl::unexpected(view.error());
            views.push_back(std::move(*view));
        }
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return views;
}

Result<ExerciseView> ExerciseService::Update(const Principal& principal, const audit::Actor& actor,
                                             std::int64_t exercise_id, const ExerciseInput& input) {
    if (!principal.IsMember(exercise_id)) return ExerciseNotFound(exercise_id);
    if (!principal.IsOrganiser(exercise_id)) {
        return Fail(ErrorCode::kForbidden, "only organisers may change the exercise", "exercise_id");
    }
    ExerciseView view;
    const std::string now = FormatTimestamp(clock_.Now());
    auto status = database_.Write([&](db::Connection& connection) -> Status {
        auto found = FindExercise(connection, exercise_id);
        if (!found) return tl::unexpected(found.error());
        if (!*found) return ExerciseNotFound(exercise_id);
        Exercise exercise = **found;
        const nlohmann::json before = ExerciseFieldsJson(exercise);
        ApplyExerciseInput(input, exercise);
        const nlohmann::json after = ExerciseFieldsJson(exercise);
        if (before != after) {
            const auto phases = input.phases ? PhaseChange::kReplace : PhaseChange::kKeep;
            if (auto updated = UpdateExercise(connection, exercise, now, phases); !updated) return updated;
            auto [changed_before, changed_after] = audit::ChangedFields(before, after);
            if (auto appended = audit_.Append(connection, actor,
                                              {exercise.id, "exercise.update", "exercise", std::to_string(exercise.id),
                                               changed_before, changed_after});
                !appended) {
                return appended;
            }
        }
        auto built = ViewOf(connection, principal, std::move(exercise));
        if (!built) return tl::unexpected(built.error());
        view = std::move(*built);
        return Ok();
    });
    if (!status) return tl::unexpected(status.error());
    return view;
}

}  // namespace enshu::exercise
