// Collaborations merged into the map's arcs: one arc per pair of display points (a cluster or a
// lone node), per kind and status, counting its collaborations. Recomputed every frame, flat.
#pragma once
#include <cstdint>
#include <vector>

#include "core/group_table.h"
#include "core/model.h"
#include "core/visibility.h"

namespace ca {

inline constexpr uint32_t kNoPoint = ~0u;

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
    // sharing a drawn collaboration with the hovered one.
    void group(const Dataset& ds, const ArcInputs& in, std::vector<ArcGroup>& out, std::vector<char>& partner);

private:
    FlatIndex scratch_;
    GroupTable groups_;  // arc key -> index in the output
};

// Display point ids: a collapsed cluster's index (below the number of clusters), the number of
// clusters + an organisation's index for a node of its own, and kEdgePointBase + its index for
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
