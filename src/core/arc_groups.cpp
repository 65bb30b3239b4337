// The map's arc grouping as one pass over the flat collaboration index with a GroupTable keyed
// by (point, point[, kind, status]) to the arc's place in the output: no per-frame allocation
// once warmed up.
#include "core/arc_groups.h"

#include <algorithm>

namespace ca {

void ArcGrouper::group(const Dataset& ds, const ArcInputs& in, std::vector<ArcGroup>& out, std::vector<char>& partner) {
    const FlatIndex& fi = flat_index(ds, scratch_);
    const std::vector<Vis>& vis = *in.collab_vis;
    const std::vector<uint32_t>& pt = *in.point_of_org;
    const size_t nc = ds.collaborations.size();
    out.clear();
    if (in.hover_org >= 0)
        partner.assign(ds.organisations.size(), 0);
    else
        partner.clear();
    groups_.clear();
    const int* part = fi.part_org.data();
    const bool look_for_orgs = in.hover_org >= 0 || in.selected_org >= 0;  // else no participant is either
    for (size_t ci = 0; ci < nc; ++ci) {
        const Vis cv = vis[ci];
        if (cv == Vis::Hidden) continue;
        const int* p0 = part + fi.part_begin[ci];
        const int* p1 = part + fi.part_begin[ci + 1];
        int hub = fi.hub[ci];
        if (hub < 0 || pt[hub] == kNoPoint) {
            hub = -1;
            for (const int* p = p0; p != p1; ++p)
                if (pt[*p] != kNoPoint) {
                    hub = *p;
                    break;
                }
            if (hub < 0) continue;
        }
        bool related = false, selected = in.selected_collab == static_cast<int>(ci);
        if (look_for_orgs)
            for (const int* p = p0; p != p1; ++p) {
                related |= *p == in.hover_org;
                selected |= *p == in.selected_org;
            }
        if (related)
            for (const int* p = p0; p != p1; ++p) partner[*p] = 1;
        const double age = in.appeared_at ? in.clock - in.appeared_at[ci] : 1e9;
        const bool faded = cv == Vis::Faded;
        const CollabKind kind = fi.kind[ci];
        const uint32_t a_id = pt[hub];
        for (const int* p = p0; p != p1; ++p) {
            const int o = *p;
            if (o == hub) continue;
            uint32_t b_id;
            if (!fi.org_has_coords[o]) {
                if (fi.org_region[o] != Region::Us && fi.org_region[o] != Region::Eu) continue;
                b_id = edge_point_id(o);
            } else {
                b_id = pt[o];
                if (b_id == kNoPoint || b_id == a_id) continue;  // not drawn, or both in one collapsed cluster
            }
            const uint64_t key = arc_key(a_id, b_id, kind, faded, in.lod);
            bool fresh;
            const int gi = groups_.insert(key, static_cast<int>(out.size()), fresh);
            if (fresh) {
                ArcGroup g;
                g.hub = hub;
                g.other = o;
                g.first = static_cast<int>(ci);
                g.kind = kind;
                g.faded = faded;
                g.max_age = age;
                out.push_back(g);
            }
            ArcGroup& g = out[static_cast<size_t>(gi)];
            ++g.count;
            g.facts += fi.facts[ci];
            g.related |= related;
            g.selected |= selected;
            g.max_age = std::max(g.max_age, age);
            g.faded = g.faded && faded;  // merged (lod): active if any member is
        }
    }
}

}  // namespace ca
