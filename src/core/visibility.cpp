// Mode semantics: snapshot = active at t; window = started in [t - N months, t];
// cumulative = started by t, ended ones greyed. Filters hide kinds, organisation kinds, regions.
#include "core/visibility.h"

#include <algorithm>

namespace ca {

Vis collab_vis_at(const Interval& iv, double t, TimeMode mode, int window_months) {
    switch (mode) {
        case TimeMode::Snapshot:
            return active_at(iv, t) ? Vis::Active : Vis::Hidden;
        case TimeMode::Window: {
            double lo = iv.lo();
            return (lo <= t && lo >= add_months(t, -window_months)) ? Vis::Active : Vis::Hidden;
        }
        case TimeMode::Cumulative:
            if (iv.lo() > t) return Vis::Hidden;
            return ended_before(iv, t) ? Vis::Faded : Vis::Active;
    }
    return Vis::Hidden;
}

bool org_passes(const Organisation& o, const Filters& f) { return !f.org_kind_hidden(o.kind) && !f.region_hidden(o.region); }

void compute_visibility(const Dataset& ds, const ViewState& v, Visibility& out) {
    FlatIndex scratch;
    const FlatIndex& fi = flat_index(ds, scratch);
    const size_t no = ds.organisations.size(), nc = ds.collaborations.size();
    out.collab.assign(nc, Vis::Hidden);
    out.org.assign(no, Vis::Hidden);
    out.org_degree.assign(no, 0);
    out.kind_count.assign(enum_count<CollabKind>(), 0);
    out.region_count.assign(enum_count<Region>(), 0);
    out.active = out.faded = 0;
    const Filters& f = v.filters;
    for (size_t i = 0; i < no; ++i)
        if (!f.org_kind_hidden(fi.org_kind[i]) && !f.region_hidden(fi.org_region[i])) out.org[i] = Vis::Faded;
    // collab_vis_at over the flat bounds, with the window's lower bound computed once.
    const double t = v.t;
    const double wlo = v.mode == TimeMode::Window ? add_months(t, -v.window_months) : 0;
    const TimeMode mode = v.mode;
    const uint32_t hidden_kinds = f.hidden_collab_kinds;
    Vis* org = out.org.data();
    int* degree = out.org_degree.data();
    int region_count[enum_count<Region>()] = {};
    for (size_t i = 0; i < nc; ++i) {
        if (hidden_kinds >> static_cast<int>(fi.kind[i]) & 1) continue;
        const double lo = fi.lo[i];
        Vis cv;
        switch (mode) {
            case TimeMode::Snapshot:
                cv = lo <= t && t < fi.hi[i] ? Vis::Active : Vis::Hidden;
                break;
            case TimeMode::Window:
                cv = lo <= t && lo >= wlo ? Vis::Active : Vis::Hidden;
                break;
            default:
                cv = lo > t ? Vis::Hidden : fi.hi[i] <= t ? Vis::Faded : Vis::Active;
                break;
        }
        if (cv == Vis::Hidden) continue;
        const int* p0 = fi.part_org.data() + fi.part_begin[i];
        const int* p1 = fi.part_org.data() + fi.part_begin[i + 1];
        bool shown = false;
        for (const int* p = p0; p != p1 && !shown; ++p) shown = org[*p] != Vis::Hidden;
        if (!shown) continue;
        out.collab[i] = cv;
        ++out.kind_count[static_cast<int>(fi.kind[i])];
        if (cv == Vis::Active) {
            ++out.active;
            uint32_t regions = 0;
            for (const int* p = p0; p != p1; ++p) {
                if (org[*p] == Vis::Hidden) continue;
                org[*p] = Vis::Active;
                ++degree[*p];
                regions |= 1u << static_cast<int>(fi.org_region[*p]);
            }
            for (int r = 0; r < enum_count<Region>(); ++r) region_count[r] += regions >> r & 1;
        } else {
            ++out.faded;
        }
    }
    out.region_count.assign(region_count, region_count + enum_count<Region>());
}

void VisibilityTracker::full(const Dataset& ds, const ViewState& v, Visibility& out) {
    const size_t nc = ds.collaborations.size();
    const bool compare = valid_ && ds_ == &ds && out.collab.size() == nc;
    if (compare) before_.swap(out.collab);
    compute_visibility(ds, v, out);
    if (compare)
        for (size_t i = 0; i < nc; ++i)
            if (before_[i] == Vis::Hidden && out.collab[i] != Vis::Hidden) appeared_.push_back(static_cast<int>(i));
    const FlatIndex& fi = flat_index(ds, scratch_);
    eligible_.assign(nc, 0);
    for (size_t i = 0; i < nc; ++i) {
        if (v.filters.collab_kind_hidden(fi.kind[i])) continue;
        for (uint32_t k = fi.part_begin[i]; k < fi.part_begin[i + 1]; ++k)
            if (out.org[fi.part_org[k]] != Vis::Hidden) {
                eligible_[i] = 1;
                break;
            }
    }
    valid_ = true;
    ds_ = &ds;
    mode_ = v.mode;
    filters_ = v.filters;
    t_ = v.t;
}

// Moves collaboration c from its current state to `to`, keeping every count as a full pass
// would leave it (an organisation is active exactly when its degree is positive).
void VisibilityTracker::apply(const FlatIndex& fi, int c, Vis to, Visibility& out) {
    const Vis from = out.collab[c];
    if (from == to) return;
    const int* p0 = fi.part_org.data() + fi.part_begin[c];
    const int* p1 = fi.part_org.data() + fi.part_begin[c + 1];
    auto active_change = [&](int d) {
        out.active += d;
        uint32_t regions = 0;
        for (const int* p = p0; p != p1; ++p) {
            if (out.org[*p] == Vis::Hidden) continue;
            out.org_degree[*p] += d;
            out.org[*p] = out.org_degree[*p] > 0 ? Vis::Active : Vis::Faded;
            regions |= 1u << static_cast<int>(fi.org_region[*p]);
        }
        for (int r = 0; r < enum_count<Region>(); ++r) out.region_count[r] += d * static_cast<int>(regions >> r & 1);
    };
    const int kind = static_cast<int>(fi.kind[c]);
    if (from == Vis::Active)
        active_change(-1);
    else if (from == Vis::Faded)
        --out.faded;
    if (from != Vis::Hidden) --out.kind_count[kind];
    if (to == Vis::Active)
        active_change(+1);
    else if (to == Vis::Faded)
        ++out.faded;
    if (to != Vis::Hidden) ++out.kind_count[kind];
    if (from == Vis::Hidden) appeared_.push_back(c);
    out.collab[c] = to;
}

void VisibilityTracker::update(const Dataset& ds, const ViewState& v, Visibility& out) {
    const size_t nc = ds.collaborations.size();
    appeared_.clear();
    const bool incremental = valid_ && ds_ == &ds && v.mode == mode_ && v.mode != TimeMode::Window && v.filters == filters_ &&
                             out.collab.size() == nc && eligible_.size() == nc && out.org.size() == ds.organisations.size();
    if (!incremental) {
        full(ds, v, out);
        return;
    }
    if (v.t == t_) return;
    const FlatIndex& fi = flat_index(ds, scratch_);
    if (sorted_for_ != &ds || by_lo_.size() != nc) {
        by_lo_.resize(nc);
        for (size_t i = 0; i < nc; ++i) by_lo_[i] = static_cast<int>(i);
        by_hi_ = by_lo_;
        std::sort(by_lo_.begin(), by_lo_.end(), [&](int a, int b) { return fi.lo[a] < fi.lo[b]; });
        std::sort(by_hi_.begin(), by_hi_.end(), [&](int a, int b) { return fi.hi[a] < fi.hi[b]; });
        lo_sorted_.resize(nc);
        hi_sorted_.resize(nc);
        for (size_t i = 0; i < nc; ++i) {
            lo_sorted_[i] = fi.lo[by_lo_[i]];
            hi_sorted_[i] = fi.hi[by_hi_[i]];
        }
        seen_.assign(nc, 0);
        pass_ = 0;
        sorted_for_ = &ds;
    }
    if (++pass_ == 0) {
        std::fill(seen_.begin(), seen_.end(), 0);
        pass_ = 1;
    }
    // "lo <= t" and "hi <= t" differ between the old and the new t exactly for bounds in (a, b].
    const double a = std::min(t_, v.t), b = std::max(t_, v.t), t = v.t;
    auto revisit = [&](const std::vector<double>& sorted, const std::vector<int>& by) {
        auto first = std::upper_bound(sorted.begin(), sorted.end(), a);
        auto last = std::upper_bound(first, sorted.end(), b);
        for (auto it = first; it != last; ++it) {
            const int c = by[static_cast<size_t>(it - sorted.begin())];
            if (seen_[c] == pass_) continue;
            seen_[c] = pass_;
            Vis to = Vis::Hidden;
            if (eligible_[c]) {
                const double lo = fi.lo[c], hi = fi.hi[c];
                if (mode_ == TimeMode::Snapshot)
                    to = lo <= t && t < hi ? Vis::Active : Vis::Hidden;
                else
                    to = lo > t ? Vis::Hidden : hi <= t ? Vis::Faded : Vis::Active;
            }
            apply(fi, c, to, out);
        }
    };
    revisit(lo_sorted_, by_lo_);
    revisit(hi_sorted_, by_hi_);
    t_ = v.t;
}

std::vector<int> top_organisations(const Dataset& ds, const Visibility& vis, size_t n) {
    // One pass keeping the best n (n is small: the stats strip shows three), so the frame
    // does not sort every connected organisation by name.
    auto before = [&](int a, int b) {
        if (vis.org_degree[a] != vis.org_degree[b]) return vis.org_degree[a] > vis.org_degree[b];
        const int c = ds.organisations[a].name.compare(ds.organisations[b].name);
        return c != 0 ? c < 0 : a < b;
    };
    std::vector<int> best;
    if (n == 0) return best;
    best.reserve(n + 1);
    for (size_t i = 0; i < vis.org_degree.size(); ++i) {
        if (vis.org_degree[i] <= 0) continue;
        const int o = static_cast<int>(i);
        if (best.size() == n && !before(o, best.back())) continue;
        best.insert(std::upper_bound(best.begin(), best.end(), o, before), o);
        if (best.size() > n) best.pop_back();
    }
    return best;
}

}  // namespace ca
