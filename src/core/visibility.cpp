// Mode semantics: snapshot = active at t; window = started in [t - N months, t];
// cumulative = started by t, ended ones greyed. Filters hide kinds, organisation kinds, regions.
#include "core/visibility.h"

#include <algorithm>

namespace ca {

Vis collab_vis_at(const Interval& iv, double t, TimeMode mode, int window_months) {
    switch (mode) {
        case TimeMode::Snapshot: return active_at(iv, t) ? Vis::Active : Vis::Hidden;
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

bool org_passes(const Organisation& o, const Filters& f) {
    return !f.org_kind_hidden(o.kind) && !f.region_hidden(o.region);
}

void compute_visibility(const Dataset& ds, const ViewState& v, Visibility& out) {
    const size_t no = ds.organisations.size(), nc = ds.collaborations.size();
    out.collab.assign(nc, Vis::Hidden);
    out.org.assign(no, Vis::Hidden);
    out.org_degree.assign(no, 0);
    out.kind_count.assign(enum_count<CollabKind>(), 0);
    out.region_count.assign(enum_count<Region>(), 0);
    out.active = out.faded = 0;
    for (size_t i = 0; i < no; ++i)
        if (org_passes(ds.organisations[i], v.filters)) out.org[i] = Vis::Faded;
    for (size_t i = 0; i < nc; ++i) {
        const Collaboration& c = ds.collaborations[i];
        if (v.filters.collab_kind_hidden(c.kind)) continue;
        Vis cv = collab_vis_at(c.interval, v.t, v.mode, v.window_months);
        if (cv == Vis::Hidden) continue;
        int shown = 0;
        for (auto& p : c.participants) shown += out.org[p.org] != Vis::Hidden;
        if (shown == 0) continue;
        out.collab[i] = cv;
        ++out.kind_count[static_cast<int>(c.kind)];
        if (cv == Vis::Active) {
            ++out.active;
            uint32_t regions = 0;
            for (auto& p : c.participants) {
                if (out.org[p.org] == Vis::Hidden) continue;
                out.org[p.org] = Vis::Active;
                ++out.org_degree[p.org];
                regions |= 1u << static_cast<int>(ds.organisations[p.org].region);
            }
            for (int r = 0; r < enum_count<Region>(); ++r) out.region_count[r] += regions >> r & 1;
        } else {
            ++out.faded;
        }
    }
}

std::vector<int> top_organisations(const Dataset& ds, const Visibility& vis, size_t n) {
    std::vector<int> idx;
    for (size_t i = 0; i < vis.org_degree.size(); ++i)
        if (vis.org_degree[i] > 0) idx.push_back(static_cast<int>(i));
    std::sort(idx.begin(), idx.end(), [&](int a, int b) {
        if (vis.org_degree[a] != vis.org_degree[b]) return vis.org_degree[a] > vis.org_degree[b];
        return ds.organisations[a].name < ds.organisations[b].name;
    });
    if (idx.size() > n) idx.resize(n);
    return idx;
}

}  // namespace ca
