#pragma once

// The exercise marking (演習表示): everything Enshu shows, exports or notifies about is
// simulated, and says so, so that nothing can be mistaken for a real incident when it
// is forwarded or printed (docs/world.md "Marking, announcements, breaks, observers").
//
// - Web UI: the ExerciseMarking banner in the layout (web/src/components), 【演習】 in
//   document.title.
// - Downloads: api::Response::ExportDownload prefixes the file name with
//   kExerciseMarkingFilePrefix and sends the X-Exercise-Marking header; XLSX files also
//   carry kExerciseMarking in every sheet's printed header and footer and a
//   "marking" row in their info sheet where they have one. CSV content is unchanged so
//   that every importer still reads our own exports.
// - Live events: the client shows them inside the marked layout; browser
//   notifications are prefixed by the client.

#include <string_view>

namespace enshu {

inline constexpr std::string_view kExerciseMarking = "演習 EXERCISE";
inline constexpr std::string_view kExerciseMarkingFilePrefix = "演習-EXERCISE_";
// Value of the X-Exercise-Marking response header of every export.
inline constexpr std::string_view kExerciseMarkingHeaderValue = "EXERCISE";

}  // namespace enshu
