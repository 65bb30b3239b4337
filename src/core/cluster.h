// Screen-space clustering of nodes that would overlap at the current zoom (Hong Kong's many
// organisations within a few kilometres): greedy by priority, with member lists and bounds.
#pragma once
#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

#include "core/group_table.h"
#include "core/projection.h"

namespace ca {

struct Cluster {
    Vec2 centre;               // screen position (the plain mean of its members')
    std::vector<int> members;  // indices into the input
    int leader = -1;           // member with the highest priority
};

// The same result in flat arrays, reusable from frame to frame without allocating: cluster c
// has leader[c], centre[c] and members[member_begin[c] .. member_begin[c + 1]) in joining order.
struct Clustering {
    std::vector<Vec2> centre;
    std::vector<int> leader;
    std::vector<int> member_begin;  // size() + 1 entries
    std::vector<int> members;
    std::vector<int> cluster_of;  // per input point
    size_t size() const { return leader.size(); }
    int count(size_t c) const { return member_begin[c + 1] - member_begin[c]; }
    const int* begin(size_t c) const { return members.data() + member_begin[c]; }
    const int* end(size_t c) const { return members.data() + member_begin[c + 1]; }

    // Scratch kept between calls.
    std::vector<std::pair<uint64_t, int>> order_, order_tmp_;
    GroupTable cells_;  // sparse grids: cell key -> index into cell_head_ / cell_tail_
    std::vector<int> cell_head_, cell_tail_, next_;

    // What cluster_points_kept keeps (the greedy pass's decisions, before any merging), per id.
    std::vector<int> kept_ids_;      // the last call's ids
    std::vector<int> kept_leader_;   // per id: its leader's id (itself when it leads), -1 when absent
    std::vector<int> kept_cluster_;  // per leader's id: its cluster's number in the last pass
    std::vector<double> kept_prio_;  // per id
    std::vector<Vec2> kept_pos_;     // per id
    // Per cell of a dense grid: the points near it whose priority key lies in [dirty_lo_,
    // dirty_hi_] are decided again (a leader before them may have come or gone); per point: its
    // own priority changed or it appeared.
    std::vector<uint64_t> dirty_lo_, dirty_hi_;
    std::vector<unsigned char> self_dirty_;
    double kept_radius_ = -1;
    bool kept_valid_ = false;
    size_t searched_ = 0;  // points the last call decided by searching (the rest kept their decision)
    void forget() { kept_valid_ = false; }
};

// points: screen positions; priority: higher leads. Points within `radius` pixels of a
// cluster's leader join it. Every input index appears in exactly one cluster.
void cluster_points(const std::vector<Vec2>& points, const std::vector<double>& priority, double radius, Clustering& out);
std::vector<Cluster> cluster_points(const std::vector<Vec2>& points, const std::vector<double>& priority, double radius);

// The same result as cluster_points(points, priority, radius, out), reusing the last call's on
// the same `out` (playback: a few priorities move each frame). Point i is organisation id[i]
// (ascending, each below id_count). A point keeps its last decision (leader, or the leader it
// joined) unless it appeared or its priority changed, a leader near it (within a grid cell) left
// or passed it in priority order, or one near it and before it became or stopped being a
// leader; then it searches as cluster_points does. A moved point, another radius, a sparse grid or many changes decide all
// points again. out's result may be changed afterwards (merge_overlapping): the decisions are
// kept apart. out.forget() drops them (a new dataset).
void cluster_points_kept(const std::vector<Vec2>& points, const std::vector<int>& id, size_t id_count, const std::vector<double>& priority,
                         double radius, Clustering& out);

// One pass of overlap removal over a clustering: cluster c is drawn as a disc of radius[c] at
// centre[c]; clusters whose discs come closer than `gap` join (transitively) into one, led by
// the leader of highest priority, members in priority order, centre their mean. Depends only on
// distances (panning does not change it). Returns whether any joined; call again until none do.
bool merge_overlapping(const std::vector<Vec2>& points, const std::vector<double>& radius, double gap, Clustering& out);

}  // namespace ca
