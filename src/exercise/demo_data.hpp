#pragma once

// The fixed, clearly fictional data of the demo exercise (demo_seed.hpp): 60
// organisations over all 14 sectors, every participation mode, size band and many
// prefectures, each with an org lead and 1-3 participants. Deterministic: the same
// list on every call and every machine. Pure; no I/O.

#include <string>
#include <vector>

#include "exercise/model.hpp"

namespace enshu::exercise {

struct DemoPerson {
    std::string display_name;
    std::string role;   // org_lead, participant
    std::string email;  // @demo.example (a reserved-style fictional domain)
    std::string phone;
    std::string department;
    bool is_contact = false;
};

struct DemoOrganisation {
    Organisation organisation;       // exercise_id and ids unset
    std::vector<DemoPerson> people;  // the org lead first
};

inline constexpr int kDemoOrganisationCount = 60;

std::vector<DemoOrganisation> DemoOrganisations();

// The phases of the 2023 cycle (DOMAIN.md §2).
std::vector<Phase> DemoPhases();

}  // namespace enshu::exercise
