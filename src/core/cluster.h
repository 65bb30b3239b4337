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
};

// points: screen positions; priority: higher leads. Points within `radius` pixels of a
// cluster's leader join it. Every input index appears in exactly one cluster.
void cluster_points(const std::vector<Vec2>& points, const std::vector<double>& priority, double radius, Clustering& out);
std::vector<Cluster> cluster_points(const std::vector<Vec2>& points, const std::vector<double>& priority, double radius);

// One pass of overlap removal over a clustering: cluster c is drawn as a disc of radius[c] at
// centre[c]; clusters whose discs come closer than `gap` join (transitively) into one, led by
// the leader of highest priority, members in priority order, centre their mean. Depends only on
// distances (panning does not change it). Returns whether any joined; call again until none do.
bool merge_overlapping(const std::vector<Vec2>& points, const std::vector<double>& radius, double gap, Clustering& out);

}  // namespace ca
