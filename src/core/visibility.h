// What is drawn at time t under a mode and filters: per-collaboration and per-organisation
// visibility, degrees, legend counts and the stats strip. Pure functions of (dataset, view).
#pragma once
#include <cstdint>
#include <vector>

#include "core/model.h"
#include "core/view_state.h"

namespace ca {

enum class Vis : uint8_t { Hidden, Faded, Active };

// Whether a collaboration shows at t in a mode, before filters: Active, Faded (ended, shown
// greyed in cumulative mode) or Hidden.
Vis collab_vis_at(const Interval& iv, double t, TimeMode mode, int window_months);

struct Visibility {
    std::vector<Vis> collab;
    std::vector<Vis> org;           // Active: in an active collaboration; Faded: shown but idle
    std::vector<int> org_degree;    // number of visible active collaborations
    std::vector<int> kind_count;    // visible collaborations per CollabKind (legend counts)
    std::vector<int> region_count;  // visible active collaborations touching each Region
    int active = 0, faded = 0;
};

bool org_passes(const Organisation& o, const Filters& f);
void compute_visibility(const Dataset& ds, const ViewState& v, Visibility& out);

// Keeps a Visibility current while the timeline plays: when only t moved since the last call
// (same dataset, filters, and snapshot or cumulative mode), only the collaborations whose start
// or end lies between the old and the new t are revisited; anything else recomputes it all.
// The result always equals compute_visibility's.
class VisibilityTracker {
public:
    void reset() {
        valid_ = false;
        sorted_for_ = nullptr;
    }  // the dataset changed
    void update(const Dataset& ds, const ViewState& v, Visibility& out);
    // The collaborations that the last update() took from hidden to shown, in no set order
    // (arcs that start growing); none on the first update after reset().
    const std::vector<int>& appeared() const { return appeared_; }

private:
    void full(const Dataset& ds, const ViewState& v, Visibility& out);
    void apply(const FlatIndex& fi, int c, Vis to, Visibility& out);
    bool valid_ = false;
    const Dataset* ds_ = nullptr;
    TimeMode mode_ = TimeMode::Cumulative;
    Filters filters_;
    double t_ = 0;
    FlatIndex scratch_;
    std::vector<uint8_t> eligible_;  // kind shown and a participant shown: visible when in time
    const Dataset* sorted_for_ = nullptr;
    std::vector<int> by_lo_, by_hi_;  // collaborations by start, by end
    std::vector<double> lo_sorted_, hi_sorted_;
    std::vector<uint32_t> seen_;  // per collaboration: the update that last saw it
    uint32_t pass_ = 0;
    std::vector<int> appeared_;
    std::vector<Vis> before_;  // a full pass's previous states, to find what appeared
};

// The most connected organisations at this time (by degree, then name), at most n.
std::vector<int> top_organisations(const Dataset& ds, const Visibility& vis, size_t n);

}  // namespace ca
