// Collaborations merged into the map's arcs: one arc per pair of display points (a cluster or a
// lone node), per kind and status, counting its collaborations. Kept between frames and updated
// by the collaborations whose state or display points changed (playback), else rebuilt.
#pragma once
#include <cstdint>
#include <vector>

#include "core/group_table.h"
#include "core/model.h"
#include "core/visibility.h"

namespace ca {

inline constexpr uint32_t kNoPoint = ~0u;
inline constexpr uint64_t kUnknownWrites = ~0ull;

struct ArcInputs {
    const std::vector<Vis>* collab_vis = nullptr;
    // Per organisation: the display point it is drawn at (a cluster id, or an id of its own),
    // kNoPoint when it is not drawn (hidden, no coordinates, off screen).
    const std::vector<uint32_t>* point_of_org = nullptr;
    int hover_org = -1;
    int selected_org = -1, selected_collab = -1;
    // Level of detail: one arc per pair of points whatever the kinds and status.
    bool lod = false;
    // When each collaboration appeared (AppModel), nullptr when nothing grows (reduced motion).
    const double* appeared_at = nullptr;
    double clock = 0;
    // How many times appeared_at's entries have been written (AppModel::appeared_writes()):
    // with it, the arcs are updated from the last call's; kUnknownWrites: rebuilt whenever
    // appeared_at is set.
    uint64_t appeared_writes = kUnknownWrites;
};

struct ArcGroup {
    int hub = -1;    // organisation the arc starts from (its first collaboration's drawn hub)
    int other = -1;  // organisation it goes to (for its first collaboration)
    int first = -1;  // first collaboration merged into it
    int count = 0, facts = 0;
    CollabKind kind = CollabKind::Mou;  // the first collaboration's
    bool faded = false;                 // with lod: only when every member is faded
    bool related = false;               // a member involves the hovered organisation
    bool selected = false;              // a member is selected or involves the selected organisation
    double max_age = 0;                 // seconds since its earliest member appeared (1e9: not animating)
};

class ArcGrouper {
public:
    // Arcs in order of their first collaboration. partner (when hover_org >= 0): organisations
    // sharing a drawn collaboration with the hovered one. The result always equals a fresh
    // grouper's; while the dataset, level of detail, hover, selection and growth stay, only the
    // collaborations whose state changed or that touch an organisation whose display point
    // changed are revisited (display point ids must then not depend on anything else).
    void group(const Dataset& ds, const ArcInputs& in, std::vector<ArcGroup>& out, std::vector<char>& partner);
    // Drops what is kept (a new dataset may live at the same address).
    void forget() {
        valid_ = false;
        indexed_for_ = nullptr;
    }
    // Collaborations revisited by the last call (all visible ones after a rebuild), for tests.
    size_t revisited() const { return revisited_; }
    bool rebuilt() const { return rebuilt_; }

private:
    struct Arc {                                               // an arc kept between calls (count 0: none now)
        int count = 0;                                         // spokes merged (the output's count)
        int facts = 0, active = 0, related = 0, selected = 0;  // sums over its spokes
        uint32_t first_spoke = ~0u;                            // its lowest spoke (orders the output)
        int first_collab = -1;
        double appeared = 0;  // lowest appeared_at of its spokes' collaborations
        int head = -1;        // its spokes, linked through spoke_next_ / spoke_prev_
        bool stale = false;   // first_spoke / appeared to be found again
    };
    bool can_update(const Dataset& ds, const FlatIndex& fi, const ArcInputs& in) const;
    void rebuild(const Dataset& ds, const FlatIndex& fi, const ArcInputs& in, std::vector<char>& partner);
    bool update(const FlatIndex& fi, const ArcInputs& in);  // false: too much changed
    void add(const FlatIndex& fi, const ArcInputs& in, int c, std::vector<char>& partner);
    void remove(const FlatIndex& fi, int c);
    void refresh(Arc& a) const;
    void emit(const FlatIndex& fi, const ArcInputs& in, std::vector<ArcGroup>& out);

    FlatIndex scratch_;
    GroupTable keys_;  // arc key -> index in arcs_
    std::vector<Arc> arcs_;
    std::vector<int> stale_;
    std::vector<uint64_t> order_;                           // (first spoke, arc) of the arcs with spokes
    std::vector<int> spoke_arc_, spoke_next_, spoke_prev_;  // per spoke (participant entry); -1: none
    std::vector<int> spoke_collab_;
    std::vector<int> collab_hub_;  // per collaboration: the hub it was added with (-1: not added)
    std::vector<double> collab_appeared_;
    std::vector<uint8_t> collab_flags_;               // as added: kFaded, kRelated, kSelected
    std::vector<int> org_collab_begin_, org_collab_;  // the collaborations of each organisation
    const Dataset* indexed_for_ = nullptr;            // spoke_collab_ and org_collab_ are for it
    std::vector<Vis> last_vis_;
    std::vector<uint32_t> last_pt_;
    std::vector<uint32_t> mark_;
    std::vector<int> todo_;
    uint32_t pass_ = 0;
    bool valid_ = false, rebuilt_ = false;
    size_t revisited_ = 0, live_ = 0;
    const Dataset* ds_ = nullptr;
    int hover_ = -1, sel_org_ = -1, sel_collab_ = -1;
    bool lod_ = false;
    const double* appeared_at_ = nullptr;
    uint64_t writes_ = 0;
};

// Display point ids: a collapsed cluster's leader (an organisation's index), the number of
// organisations + an organisation's index for a node of its own, and kEdgePointBase + its index for
// an organisation without coordinates (drawn at the map's US or EU edge). Each off-map
// organisation is a point of its own, so arcs to two of them never merge (ids were once
// 0x3fffff00 + index % 200, which merged organisations 200 indices apart). All ids stay below
// 2^29 for datasets of fewer than 2^27 organisations, which keeps arc_key exact.
inline constexpr uint32_t kEdgePointBase = 1u << 28;
inline uint32_t edge_point_id(int org) { return kEdgePointBase + static_cast<uint32_t>(org); }

// The key merging two collaborations' spokes into one arc: a (bits 34..63), b (5..33), the kind
// (1..4) and whether ended (0), without overlap for ids below 2^29.
inline uint64_t arc_key(uint32_t a, uint32_t b, CollabKind kind, bool faded, bool lod) {
    uint64_t key = (static_cast<uint64_t>(a) << 34) ^ (static_cast<uint64_t>(b) << 5);
    if (!lod) key ^= (static_cast<uint64_t>(kind) << 1) ^ static_cast<uint64_t>(faded);
    return key;
}

}  // namespace ca
