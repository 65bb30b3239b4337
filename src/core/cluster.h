// Screen-space clustering of nodes that would overlap at the current zoom (Hong Kong's many
// organisations within a few kilometres): greedy by priority, with member lists and bounds.
#pragma once
#include <vector>

#include "core/projection.h"

namespace ca {

struct Cluster {
    Vec2 centre;               // screen position (priority-weighted mean of members)
    std::vector<int> members;  // indices into the input
    int leader = -1;           // member with the highest priority
};

// points: screen positions; priority: higher leads. Points within `radius` pixels of a
// cluster's leader join it. Every input index appears in exactly one cluster.
std::vector<Cluster> cluster_points(const std::vector<Vec2>& points, const std::vector<double>& priority, double radius);

}  // namespace ca
