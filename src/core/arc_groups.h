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

// The key merging two collaborations' spokes into one arc.
inline uint64_t arc_key(uint32_t a, uint32_t b, CollabKind kind, bool faded, bool lod) {
    uint64_t key = (static_cast<uint64_t>(a) << 34) ^ (static_cast<uint64_t>(b) << 5);
    if (!lod) key ^= (static_cast<uint64_t>(kind) << 1) ^ static_cast<uint64_t>(faded);
    return key;
}
// The point id of an organisation without coordinates (drawn at the map's edge, US or EU).
inline uint32_t edge_point_id(int org) { return 0x3fffff00u + static_cast<uint32_t>(org % 200); }

}  // namespace ca
