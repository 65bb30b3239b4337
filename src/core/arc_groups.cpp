// The map's arcs kept between frames: a GroupTable keyed by (point, point[, kind, status]) to an
// arc whose spokes (one per participant other than its collaboration's hub) are linked in a
// list. A frame revisits only the collaborations whose state or display points changed; else
// (or when too much changed) the same code adds every visible collaboration again.
#include "core/arc_groups.h"

#include <algorithm>
#include <cstring>

namespace ca {
namespace {

constexpr uint8_t kFaded = 1, kRelated = 2, kSelected = 4;
// More collaborations to revisit than 1/kUpdateShare of them: a rebuild costs about as much.
constexpr size_t kUpdateShare = 8;

}  // namespace

void ArcGrouper::group(const Dataset& ds, const ArcInputs& in, std::vector<ArcGroup>& out, std::vector<char>& partner) {
    const FlatIndex& fi = flat_index(ds, scratch_);
    rebuilt_ = !(can_update(ds, fi, in) && update(fi, in));
    if (rebuilt_)
        rebuild(ds, fi, in, partner);
    else
        partner.clear();  // nothing hovered on this path
    ds_ = &ds;
    hover_ = in.hover_org;
    sel_org_ = in.selected_org;
    sel_collab_ = in.selected_collab;
    lod_ = in.lod;
    appeared_at_ = in.appeared_at;
    writes_ = in.appeared_writes;
    valid_ = true;
    emit(fi, in, out);
}

bool ArcGrouper::can_update(const Dataset& ds, const FlatIndex& fi, const ArcInputs& in) const {
    const size_t nc = ds.collaborations.size(), norgs = ds.organisations.size();
    return valid_ && ds_ == &ds && indexed_for_ == &ds && in.hover_org < 0 && hover_ < 0 && in.selected_org == sel_org_ &&
           in.selected_collab == sel_collab_ && in.lod == lod_ && in.appeared_at == appeared_at_ &&
           (!in.appeared_at || (in.appeared_writes != kUnknownWrites && writes_ != kUnknownWrites)) && in.collab_vis->size() == nc &&
           last_vis_.size() == nc && in.point_of_org->size() == norgs && last_pt_.size() == norgs &&
           spoke_arc_.size() == fi.part_org.size() && arcs_.size() <= 4 * live_ + 4096;  // not too many arcs without spokes
}

// Revisits the collaborations whose state changed and those of organisations whose display
// point changed: their spokes leave their arcs, and they are added again as they are now.
bool ArcGrouper::update(const FlatIndex& fi, const ArcInputs& in) {
    const Vis* vis = in.collab_vis->data();
    const uint32_t* pt = in.point_of_org->data();
    Vis* last = last_vis_.data();
    const size_t nc = last_vis_.size(), norgs = last_pt_.size(), limit = nc / kUpdateShare;
    if (++pass_ == 0) {
        std::fill(mark_.begin(), mark_.end(), 0);
        pass_ = 1;
    }
    uint32_t* mark = mark_.data();
    todo_.clear();
    uint64_t appeared = 0;  // collaborations taken from hidden to shown
    for (size_t c = 0; c < nc; ++c) {
        if (c + 8 <= nc && (c & 7) == 0) {  // eight states at a time: most stay
            uint64_t x, y;
            std::memcpy(&x, vis + c, 8);
            std::memcpy(&y, last + c, 8);
            if (x == y) {
                c += 7;
                continue;
            }
        }
        if (vis[c] == last[c]) continue;
        appeared += last[c] == Vis::Hidden;
        mark[c] = pass_;
        todo_.push_back(static_cast<int>(c));
    }
    // appeared_at changes only for what appeared (AppModel): a collaboration shown before and
    // now that appeared again in between would make more writes than these.
    if (in.appeared_at && in.appeared_writes - writes_ != appeared) return false;
    if (todo_.size() > limit) return false;
    const uint32_t* last_pt = last_pt_.data();
    for (size_t o = 0; o < norgs; ++o) {
        if (pt[o] == last_pt[o]) continue;
        for (int k = org_collab_begin_[o]; k < org_collab_begin_[o + 1]; ++k) {
            const int c = org_collab_[static_cast<size_t>(k)];
            if (mark[c] == pass_ || (vis[c] == Vis::Hidden && last[c] == Vis::Hidden)) continue;
            mark[c] = pass_;
            todo_.push_back(c);
        }
        if (todo_.size() > limit) return false;
    }
    for (const int c : todo_) remove(fi, c);
    std::vector<char> no_partner;  // stays empty: nothing hovered on this path
    for (const int c : todo_) {
        last[c] = vis[c];
        if (vis[c] != Vis::Hidden) add(fi, in, c, no_partner);
    }
    for (size_t o = 0; o < norgs; ++o) last_pt_[o] = pt[o];
    for (const int a : stale_) refresh(arcs_[static_cast<size_t>(a)]);
    stale_.clear();
    revisited_ = todo_.size();
    return true;
}

void ArcGrouper::rebuild(const Dataset& ds, const FlatIndex& fi, const ArcInputs& in, std::vector<char>& partner) {
    const size_t nc = ds.collaborations.size(), norgs = ds.organisations.size(), nspokes = fi.part_org.size();
    if (indexed_for_ != &ds || spoke_collab_.size() != nspokes || org_collab_begin_.size() != norgs + 1 || mark_.size() != nc) {
        spoke_collab_.resize(nspokes);
        org_collab_begin_.assign(norgs + 1, 0);
        for (size_t c = 0; c < nc; ++c)
            for (uint32_t k = fi.part_begin[c]; k < fi.part_begin[c + 1]; ++k) {
                spoke_collab_[k] = static_cast<int>(c);
                ++org_collab_begin_[static_cast<size_t>(fi.part_org[k]) + 1];
            }
        for (size_t o = 0; o < norgs; ++o) org_collab_begin_[o + 1] += org_collab_begin_[o];
        org_collab_.resize(nspokes);
        std::vector<int> fill(org_collab_begin_.begin(), org_collab_begin_.end() - 1);
        for (size_t k = 0; k < nspokes; ++k)
            org_collab_[static_cast<size_t>(fill[static_cast<size_t>(fi.part_org[k])]++)] = spoke_collab_[k];
        mark_.assign(nc, 0);
        pass_ = 0;
        indexed_for_ = &ds;
    }
    keys_.clear();
    arcs_.clear();
    stale_.clear();
    spoke_arc_.assign(nspokes, -1);
    spoke_next_.resize(nspokes);
    spoke_prev_.resize(nspokes);
    collab_hub_.assign(nc, -1);
    collab_appeared_.resize(nc);
    collab_flags_.resize(nc);
    if (in.hover_org >= 0)
        partner.assign(norgs, 0);
    else
        partner.clear();
    const Vis* vis = in.collab_vis->data();
    revisited_ = 0;
    for (size_t c = 0; c < nc; ++c)
        if (vis[c] != Vis::Hidden) {
            add(fi, in, static_cast<int>(c), partner);
            ++revisited_;
        }
    last_vis_ = *in.collab_vis;
    last_pt_ = *in.point_of_org;
}

// Collaboration c (shown) joins the arcs of its spokes: from its hub (its own, or its first
// participant drawn) to every other participant drawn at another point or off the map.
void ArcGrouper::add(const FlatIndex& fi, const ArcInputs& in, int c, std::vector<char>& partner) {
    const uint32_t* pt = in.point_of_org->data();
    const size_t ci = static_cast<size_t>(c);
    const uint32_t k0 = fi.part_begin[ci], k1 = fi.part_begin[ci + 1];
    const int* part = fi.part_org.data();
    int hub = fi.hub[ci];
    if (hub < 0 || pt[hub] == kNoPoint) {
        hub = -1;
        for (uint32_t k = k0; k < k1; ++k)
            if (pt[part[k]] != kNoPoint) {
                hub = part[k];
                break;
            }
        if (hub < 0) return;
    }
    bool related = false, selected = in.selected_collab == c;
    if (in.hover_org >= 0 || in.selected_org >= 0)  // else no participant is either
        for (uint32_t k = k0; k < k1; ++k) {
            related |= part[k] == in.hover_org;
            selected |= part[k] == in.selected_org;
        }
    if (related)
        for (uint32_t k = k0; k < k1; ++k) partner[static_cast<size_t>(part[k])] = 1;
    const bool faded = (*in.collab_vis)[ci] == Vis::Faded;
    const double appeared = in.appeared_at ? in.appeared_at[ci] : 0;
    collab_hub_[ci] = hub;
    collab_appeared_[ci] = appeared;
    collab_flags_[ci] = static_cast<uint8_t>((faded ? kFaded : 0) | (related ? kRelated : 0) | (selected ? kSelected : 0));
    const CollabKind kind = fi.kind[ci];
    const int facts = fi.facts[ci];
    const uint32_t a_id = pt[hub];
    for (uint32_t k = k0; k < k1; ++k) {
        const int o = part[k];
        if (o == hub) continue;
        uint32_t b_id;
        if (!fi.org_has_coords[static_cast<size_t>(o)]) {
            if (fi.org_region[static_cast<size_t>(o)] != Region::Us && fi.org_region[static_cast<size_t>(o)] != Region::Eu) continue;
            b_id = edge_point_id(o);
        } else {
            b_id = pt[o];
            if (b_id == kNoPoint || b_id == a_id) continue;  // not drawn, or both in one collapsed cluster
        }
        bool fresh;
        const int ai = keys_.insert(arc_key(a_id, b_id, kind, faded, in.lod), static_cast<int>(arcs_.size()), fresh);
        if (fresh) arcs_.emplace_back();
        Arc& a = arcs_[static_cast<size_t>(ai)];
        if (a.count == 0 || k < a.first_spoke) {
            a.first_spoke = k;
            a.first_collab = c;
        }
        if (a.count == 0 || appeared < a.appeared) a.appeared = appeared;
        spoke_prev_[k] = -1;
        spoke_next_[k] = a.head;
        if (a.head >= 0) spoke_prev_[static_cast<size_t>(a.head)] = static_cast<int>(k);
        a.head = static_cast<int>(k);
        spoke_arc_[k] = ai;
        ++a.count;
        a.facts += facts;
        a.active += !faded;
        a.related += related;
        a.selected += selected;
    }
}

// Collaboration c's spokes leave their arcs (as it was added); an arc that loses its first
// spoke or its earliest appearance is refreshed once all changes are in.
void ArcGrouper::remove(const FlatIndex& fi, int c) {
    const size_t ci = static_cast<size_t>(c);
    if (collab_hub_[ci] < 0) return;
    collab_hub_[ci] = -1;
    const uint8_t f = collab_flags_[ci];
    const int facts = fi.facts[ci];
    for (uint32_t k = fi.part_begin[ci]; k < fi.part_begin[ci + 1]; ++k) {
        const int ai = spoke_arc_[k];
        if (ai < 0) continue;
        spoke_arc_[k] = -1;
        Arc& a = arcs_[static_cast<size_t>(ai)];
        const int next = spoke_next_[k], prev = spoke_prev_[k];
        if (prev >= 0)
            spoke_next_[static_cast<size_t>(prev)] = next;
        else
            a.head = next;
        if (next >= 0) spoke_prev_[static_cast<size_t>(next)] = prev;
        --a.count;
        a.facts -= facts;
        a.active -= !(f & kFaded);
        a.related -= (f & kRelated) != 0;
        a.selected -= (f & kSelected) != 0;
        if (!a.stale && (k == a.first_spoke || (appeared_at_ && collab_appeared_[ci] == a.appeared))) {
            a.stale = true;
            stale_.push_back(ai);
        }
    }
}

void ArcGrouper::refresh(Arc& a) const {
    a.stale = false;
    if (a.count == 0) return;
    a.first_spoke = ~0u;
    for (int k = a.head; k >= 0; k = spoke_next_[static_cast<size_t>(k)]) {
        const uint32_t s = static_cast<uint32_t>(k);
        const double appeared = collab_appeared_[static_cast<size_t>(spoke_collab_[s])];
        if (s < a.first_spoke) a.first_spoke = s;
        if (k == a.head || appeared < a.appeared) a.appeared = appeared;
    }
    a.first_collab = spoke_collab_[a.first_spoke];
}

// The arcs with spokes, in order of their first spoke (the order a single pass creates them in).
void ArcGrouper::emit(const FlatIndex& fi, const ArcInputs& in, std::vector<ArcGroup>& out) {
    order_.clear();
    for (size_t i = 0; i < arcs_.size(); ++i)
        if (arcs_[i].count > 0) order_.push_back(static_cast<uint64_t>(arcs_[i].first_spoke) << 32 | i);
    std::sort(order_.begin(), order_.end());
    live_ = order_.size();
    out.resize(order_.size());
    for (size_t i = 0; i < order_.size(); ++i) {
        const Arc& a = arcs_[static_cast<size_t>(order_[i] & 0xffffffffu)];
        ArcGroup& g = out[i];
        const size_t first = static_cast<size_t>(a.first_collab);
        g.hub = collab_hub_[first];
        g.other = fi.part_org[a.first_spoke];
        g.first = a.first_collab;
        g.count = a.count;
        g.facts = a.facts;
        g.kind = fi.kind[first];
        g.faded = a.active == 0;
        g.related = a.related > 0;
        g.selected = a.selected > 0;
        g.max_age = in.appeared_at ? in.clock - a.appeared : 1e9;
    }
}

}  // namespace ca
