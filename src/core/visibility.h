// What is drawn at time t under a mode and filters: per-collaboration and per-organisation
// visibility, degrees, legend counts and the stats strip. Pure functions of (dataset, view).
#pragma once
#include <cstdint>
#include <vector>

#include "core/app_state.h"
#include "core/model.h"

namespace ca {

enum class Vis : uint8_t { Hidden, Faded, Active };

// Whether a collaboration shows at t in a mode, before filters: Active, Faded (ended, shown
// greyed in cumulative mode) or Hidden.
Vis collab_vis_at(const Interval& iv, double t, TimeMode mode, int window_months);

struct Visibility {
    std::vector<Vis> collab;
    std::vector<Vis> org;          // Active: in an active collaboration; Faded: shown but idle
    std::vector<int> org_degree;   // number of visible active collaborations
    std::vector<int> kind_count;   // visible collaborations per CollabKind (legend counts)
    std::vector<int> region_count; // visible active collaborations touching each Region
    int active = 0, faded = 0;
};

bool org_passes(const Organisation& o, const Filters& f);
void compute_visibility(const Dataset& ds, const ViewState& v, Visibility& out);

// The most connected organisations at this time (by degree, then name), at most n.
std::vector<int> top_organisations(const Dataset& ds, const Visibility& vis, size_t n);

}  // namespace ca
