// The per-frame passes rewritten for large datasets (flat index, visibility, top organisations,
// clustering, arc grouping) against straightforward reference versions, on random datasets.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>
#include <unordered_map>

#include "core/arc_groups.h"
#include "core/cluster.h"
#include "core/visibility.h"

using namespace ca;

namespace {

Date random_date(std::mt19937& rng, int y0, int y1) {
    Date d;
    d.year = std::uniform_int_distribution<int>(y0, y1)(rng);
    int prec = std::uniform_int_distribution<int>(0, 2)(rng);
    d.precision = static_cast<Precision>(prec);
    if (prec >= 1) d.month = std::uniform_int_distribution<int>(1, 12)(rng);
    if (prec >= 2) d.day = std::uniform_int_distribution<int>(1, 28)(rng);
    return d;
}

// Organisations (some without coordinates, in the US, EU or elsewhere) and collaborations
// with 1..6 participants, open or closed intervals of every precision, a few facts.
Dataset random_dataset(unsigned seed, int norgs, int ncollabs, bool finalise = true) {
    std::mt19937 rng(seed);
    Dataset ds;
    for (int i = 0; i < norgs; ++i) {
        Organisation o;
        o.id = "o";
        o.id += std::to_string(i);
        o.name = "Org ";
        o.name += std::to_string(i % (norgs / 2 + 1));  // repeated names: ties in top_organisations
        o.kind = static_cast<OrgKind>(rng() % enum_count<OrgKind>());
        o.region = static_cast<Region>(rng() % enum_count<Region>());
        o.has_coords = rng() % 10 != 0;
        o.lat = 22 + (rng() % 1600) / 100.0;
        o.lon = 112 + (rng() % 2800) / 100.0;
        ds.organisations.push_back(o);
    }
    for (int i = 0; i < ncollabs; ++i) {
        Collaboration c;
        c.id = "c";
        c.id += std::to_string(i);
        c.kind = static_cast<CollabKind>(rng() % enum_count<CollabKind>());
        int k = 1 + static_cast<int>(rng() % 6);
        for (int j = 0; j < k; ++j) {
            Participant p;
            p.org = static_cast<int>(rng() % norgs);
            p.role = rng() % 4 == 0 ? Role::Lead : Role::Member;
            c.participants.push_back(p);
        }
        c.interval.start = random_date(rng, 1995, 2024);
        c.interval.has_end = rng() % 2 == 0;
        if (c.interval.has_end) {
            c.interval.end = random_date(rng, c.interval.start.year, std::min(2025, c.interval.start.year + 6));
            if (last_day(c.interval.end) < first_day(c.interval.start)) c.interval.end = c.interval.start;
        }
        c.facts.resize(rng() % 3);
        ds.collaborations.push_back(c);
    }
    if (finalise) ds.finalise();
    return ds;
}

// The visibility pass as first written: over the collaboration structs, no flat index.
void reference_visibility(const Dataset& ds, const ViewState& v, Visibility& out) {
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

void check_same(const Visibility& a, const Visibility& b) {
    CHECK(a.collab == b.collab);
    CHECK(a.org == b.org);
    CHECK(a.org_degree == b.org_degree);
    CHECK(a.kind_count == b.kind_count);
    CHECK(a.region_count == b.region_count);
    CHECK(a.active == b.active);
    CHECK(a.faded == b.faded);
}

std::vector<ViewState> views() {
    std::vector<ViewState> out;
    const Filters filters[] = {{}, {1u << 1 | 1u << 4, 0, 0}, {0, 1u << 3, 1u << 2 | 1u << 5}, {0x1ff, 0, 0}};
    for (TimeMode mode : {TimeMode::Snapshot, TimeMode::Window, TimeMode::Cumulative})
        for (int y : {1994, 1996, 2003, 2010, 2018, 2024, 2031})
            for (const Filters& f : filters) {
                ViewState v;
                v.mode = mode;
                v.t = days_from_civil(y, 1 + y % 12, 1 + y % 27) + (y % 3) * 0.25;
                v.window_months = 6 + y % 30;
                v.filters = f;
                out.push_back(v);
            }
    return out;
}

// The clustering as first written (a std::unordered_map grid of vectors).
std::vector<Cluster> reference_clusters(const std::vector<Vec2>& pts, const std::vector<double>& prio, double radius) {
    std::vector<int> order(pts.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return prio[a] > prio[b]; });
    std::vector<Cluster> out;
    std::unordered_map<long long, std::vector<int>> grid;
    const double cell = std::max(1.0, radius);
    auto key = [](long long x, long long y) { return (x << 32) ^ (y & 0xffffffffLL); };
    for (int i : order) {
        const Vec2 p = pts[i];
        long long cx = static_cast<long long>(std::floor(p.x / cell)), cy = static_cast<long long>(std::floor(p.y / cell));
        int best = -1;
        double bd = radius * radius;
        for (long long y = cy - 1; y <= cy + 1; ++y)
            for (long long x = cx - 1; x <= cx + 1; ++x) {
                auto it = grid.find(key(x, y));
                if (it == grid.end()) continue;
                for (int c : it->second) {
                    Vec2 l = pts[out[c].leader];
                    double d = (l.x - p.x) * (l.x - p.x) + (l.y - p.y) * (l.y - p.y);
                    if (d <= bd) {
                        bd = d;
                        best = c;
                    }
                }
            }
        if (best < 0) {
            Cluster c;
            c.leader = i;
            c.members.push_back(i);
            c.centre = p;
            grid[key(cx, cy)].push_back(static_cast<int>(out.size()));
            out.push_back(std::move(c));
        } else {
            out[best].members.push_back(i);
        }
    }
    for (auto& c : out) {
        Vec2 s{0, 0};
        for (int m : c.members) {
            s.x += pts[m].x;
            s.y += pts[m].y;
        }
        c.centre = {s.x / c.members.size(), s.y / c.members.size()};
    }
    return out;
}

// The map's arc grouping as first written: one std::unordered_map insertion per spoke.
void reference_arcs(const Dataset& ds, const ArcInputs& in, std::vector<ArcGroup>& edges, std::vector<char>& partner) {
    const auto& vis = *in.collab_vis;
    const auto& pt = *in.point_of_org;
    std::unordered_map<uint64_t, int> index;
    edges.clear();
    partner.clear();
    if (in.hover_org >= 0) partner.assign(ds.organisations.size(), 0);
    for (size_t ci = 0; ci < ds.collaborations.size(); ++ci) {
        const Vis cv = vis[ci];
        if (cv == Vis::Hidden) continue;
        const Collaboration& c = ds.collaborations[ci];
        int hub = c.hub;
        if (hub < 0 || !ds.organisations[hub].has_coords || pt[hub] == kNoPoint) {
            hub = -1;
            for (auto& p : c.participants)
                if (pt[p.org] != kNoPoint) {
                    hub = p.org;
                    break;
                }
            if (hub < 0) continue;
        }
        bool related = false, selected = in.selected_collab == static_cast<int>(ci);
        for (auto& p : c.participants) {
            related |= p.org == in.hover_org;
            selected |= in.selected_org >= 0 && p.org == in.selected_org;
        }
        if (related)
            for (auto& p : c.participants) partner[p.org] = 1;
        const double age = in.appeared_at ? in.clock - in.appeared_at[ci] : 1e9;
        const uint32_t a_id = pt[hub];
        for (auto& p : c.participants) {
            if (p.org == hub) continue;
            const Organisation& o = ds.organisations[p.org];
            uint32_t b_id;
            if (!o.has_coords) {
                if (o.region != Region::Us && o.region != Region::Eu) continue;
                b_id = kEdgePointBase + static_cast<uint32_t>(p.org);
            } else {
                b_id = pt[p.org];
                if (b_id == kNoPoint || b_id == a_id) continue;
            }
            uint64_t key = (static_cast<uint64_t>(a_id) << 34) ^ (static_cast<uint64_t>(b_id) << 5);
            if (!in.lod) key ^= (static_cast<uint64_t>(c.kind) << 1) ^ static_cast<uint64_t>(cv == Vis::Faded);
            auto [it, inserted] = index.emplace(key, static_cast<int>(edges.size()));
            if (inserted) {
                ArcGroup e;
                e.hub = hub;
                e.other = p.org;
                e.kind = c.kind;
                e.faded = cv == Vis::Faded;
                e.first = static_cast<int>(ci);
                e.max_age = age;
                edges.push_back(e);
            }
            ArcGroup& e = edges[it->second];
            ++e.count;
            e.facts += static_cast<int>(c.facts.size());
            e.related |= related;
            e.selected |= selected;
            e.max_age = std::max(e.max_age, age);
            e.faded = e.faded && cv == Vis::Faded;
        }
    }
}

}  // namespace

TEST_CASE("flat index: participants, bounds and totals match the collaboration structs") {
    Dataset ds = random_dataset(7, 300, 2000);
    const FlatIndex& fi = ds.flat;
    REQUIRE(fi.matches(ds.organisations.size(), ds.collaborations.size()));
    int kinds[enum_count<CollabKind>()] = {};
    for (size_t i = 0; i < ds.collaborations.size(); ++i) {
        const Collaboration& c = ds.collaborations[i];
        REQUIRE(fi.part_begin[i + 1] - fi.part_begin[i] == c.participants.size());
        for (size_t k = 0; k < c.participants.size(); ++k) CHECK(fi.part_org[fi.part_begin[i] + k] == c.participants[k].org);
        CHECK(fi.lo[i] == c.interval.lo());
        CHECK(fi.hi[i] == c.interval.hi());
        CHECK(fi.hub[i] == c.hub);
        CHECK(fi.facts[i] == static_cast<int>(c.facts.size()));
        ++kinds[static_cast<int>(c.kind)];
    }
    for (int k = 0; k < enum_count<CollabKind>(); ++k) CHECK(fi.collab_kind_total[k] == kinds[k]);
    // A dataset edited after finalise is noticed, and passes build a fresh index.
    Dataset hand = random_dataset(8, 50, 200, false);
    CHECK_FALSE(hand.flat.matches(hand.organisations.size(), hand.collaborations.size()));
    FlatIndex scratch;
    CHECK(&flat_index(hand, scratch) == &scratch);
    CHECK(&flat_index(ds, scratch) == &ds.flat);
}

TEST_CASE("visibility over the flat index equals the reference pass in every mode and filter") {
    for (unsigned seed : {1u, 2u, 3u}) {
        Dataset ds = random_dataset(seed, 400, 3000);
        Dataset hand = random_dataset(seed, 400, 3000, false);  // no finalise: the scratch index
        hand.finalise();
        hand.collaborations.pop_back();  // edited afterwards: the flat index no longer matches
        hand.collaborations.back().participants.push_back({0, Role::Member});
        for (const ViewState& v : views()) {
            Visibility fast, ref;
            compute_visibility(ds, v, fast);
            reference_visibility(ds, v, ref);
            check_same(fast, ref);
            compute_visibility(hand, v, fast);
            reference_visibility(hand, v, ref);
            check_same(fast, ref);
        }
    }
}

TEST_CASE("the visibility tracker equals a full pass as t plays, jumps back and filters change") {
    Dataset a = random_dataset(11, 300, 4000), b = random_dataset(12, 200, 2500);
    VisibilityTracker tracker;
    Visibility tracked, full;
    std::mt19937 rng(13);
    ViewState v;
    v.t = days_from_civil(1994, 6, 1);
    const Dataset* ds = &a;
    // The plays must move things: count the steps whose visible set differs from the last one.
    int changed = 0;
    size_t appeared = 0;
    std::vector<Vis> last;
    for (int step = 0; step < 1500; ++step) {
        const unsigned r = rng() % 100;
        if (r < 70)
            v.t += (rng() % 400) * 0.37;  // playing forward, sometimes by whole days
        else if (r < 78)
            v.t -= (rng() % 3000) * 1.0;  // dragging back
        else if (r < 82)
            v.t = days_from_civil(1990 + static_cast<int>(rng() % 40), 1, 1);  // a jump, before or after all
        else if (r < 86)
            v.mode = static_cast<TimeMode>(rng() % 3);
        else if (r < 90)
            v.filters.hidden_collab_kinds ^= 1u << (rng() % enum_count<CollabKind>());
        else if (r < 93)
            v.filters.hidden_regions ^= 1u << (rng() % enum_count<Region>());
        else if (r < 95)
            v.window_months = 1 + static_cast<int>(rng() % 60);
        else if (r < 97) {
            ds = ds == &a ? &b : &a;
            tracker.reset();
        }
        // else: the same view again
        if (r % 5 == 0) v.t = std::floor(v.t);  // exactly on day boundaries (interval bounds)
        tracker.update(*ds, v, tracked);
        compute_visibility(*ds, v, full);
        check_same(tracked, full);
        // What appeared: hidden in the last pass and shown now (nothing right after a reset).
        std::vector<int> want, got = tracker.appeared();
        if (step > 0 && !(r >= 95 && r < 97))
            for (size_t i = 0; i < full.collab.size(); ++i)
                if (last[i] == Vis::Hidden && full.collab[i] != Vis::Hidden) want.push_back(static_cast<int>(i));
        std::sort(got.begin(), got.end());
        CHECK(got == want);
        appeared += want.size();
        changed += full.collab != last;
        last = full.collab;
    }
    CHECK(changed > 500);  // the tracker was compared across many real transitions, not one static view
    CHECK(appeared > 1000);
}

TEST_CASE("top organisations: the best n by degree, then name, then index") {
    Dataset ds = random_dataset(4, 500, 4000);
    for (const ViewState& v : views()) {
        Visibility vis;
        compute_visibility(ds, v, vis);
        std::vector<int> all;
        for (size_t i = 0; i < vis.org_degree.size(); ++i)
            if (vis.org_degree[i] > 0) all.push_back(static_cast<int>(i));
        std::stable_sort(all.begin(), all.end(), [&](int a, int b) {
            if (vis.org_degree[a] != vis.org_degree[b]) return vis.org_degree[a] > vis.org_degree[b];
            return ds.organisations[a].name < ds.organisations[b].name;
        });
        for (size_t n : {0u, 1u, 3u, 10u, 1000u}) {
            std::vector<int> want(all.begin(), all.begin() + std::min(n, all.size()));
            CHECK(top_organisations(ds, vis, n) == want);
        }
    }
}

TEST_CASE("clustering into flat arrays equals the reference clustering") {
    CHECK(cluster_points({}, {}, 15.0).empty());
    std::mt19937 rng(5);
    for (int round = 0; round < 24; ++round) {
        const int n = 50 + round * 150;
        // Rounds past 19 spread the points over a huge area: the hashed grid instead of the dense one.
        const double scale = round < 20 ? 1.0 : 1000.0;
        std::normal_distribution<double> spread(0, 20 + round * 10);
        std::vector<Vec2> pts;
        std::vector<double> prio;
        for (int i = 0; i < n; ++i) {
            double cx = (rng() % 5) * 300.0 * scale - 200, cy = (rng() % 4) * 250.0 * scale - 100;  // dense spots, negative cells too
            pts.push_back({cx + spread(rng), cy + spread(rng)});
            // Many ties; fractional, negative and signed-zero priorities too.
            const double pr[] = {0.0, -0.0, -3.5, 1e-9, 2.25, 1e6, static_cast<double>(rng() % 7) * 10 + (rng() % 2) * 5};
            prio.push_back(pr[rng() % 7 == 0 ? rng() % 6 : 6]);
        }
        Clustering flat;
        cluster_points(pts, prio, 15.0, flat);
        cluster_points(pts, prio, 15.0, flat);  // reused buffers give the same result
        auto ref = reference_clusters(pts, prio, 15.0);
        REQUIRE(flat.size() == ref.size());
        for (size_t c = 0; c < ref.size(); ++c) {
            CHECK(flat.leader[c] == ref[c].leader);
            CHECK(std::vector<int>(flat.begin(c), flat.end(c)) == ref[c].members);
            CHECK(flat.centre[c].x == ref[c].centre.x);
            CHECK(flat.centre[c].y == ref[c].centre.y);
            for (int m : ref[c].members) CHECK(flat.cluster_of[m] == static_cast<int>(c));
        }
    }
}

TEST_CASE("arc grouping equals the reference grouping (lod, hover, selection, growth)") {
    Dataset ds = random_dataset(6, 600, 6000);
    std::mt19937 rng(9);
    ArcGrouper grouper;  // reused across calls, as the map view does
    std::vector<double> appeared(ds.collaborations.size());
    for (auto& a : appeared) a = (rng() % 100) * 0.05;
    int compared = 0;
    for (const ViewState& v : views()) {
        Visibility vis;
        compute_visibility(ds, v, vis);
        // Display points: a few collapsed clusters, lone nodes, organisations not drawn.
        std::vector<uint32_t> pt(ds.organisations.size(), kNoPoint);
        const uint32_t nclusters = 1 + rng() % 40;
        for (size_t o = 0; o < pt.size(); ++o) {
            if (!ds.organisations[o].has_coords || rng() % 8 == 0) continue;
            pt[o] = rng() % 3 == 0 ? static_cast<uint32_t>(rng() % nclusters) : nclusters + static_cast<uint32_t>(o);
        }
        ArcInputs in;
        in.collab_vis = &vis.collab;
        in.point_of_org = &pt;
        in.lod = rng() % 2 == 0;
        in.hover_org = rng() % 3 == 0 ? -1 : static_cast<int>(rng() % ds.organisations.size());
        if (rng() % 2)
            in.selected_org = static_cast<int>(rng() % ds.organisations.size());
        else
            in.selected_collab = static_cast<int>(rng() % ds.collaborations.size());
        in.appeared_at = rng() % 4 == 0 ? nullptr : appeared.data();
        in.clock = 5.5;
        std::vector<ArcGroup> fast, ref;
        std::vector<char> fast_partner, ref_partner;
        grouper.group(ds, in, fast, fast_partner);
        reference_arcs(ds, in, ref, ref_partner);
        REQUIRE(fast.size() == ref.size());
        for (size_t e = 0; e < ref.size(); ++e) {
            CHECK(fast[e].hub == ref[e].hub);
            CHECK(fast[e].other == ref[e].other);
            CHECK(fast[e].first == ref[e].first);
            CHECK(fast[e].count == ref[e].count);
            CHECK(fast[e].facts == ref[e].facts);
            CHECK(fast[e].kind == ref[e].kind);
            CHECK(fast[e].faded == ref[e].faded);
            CHECK(fast[e].related == ref[e].related);
            CHECK(fast[e].selected == ref[e].selected);
            CHECK(fast[e].max_age == ref[e].max_age);
        }
        CHECK(fast_partner == ref_partner);
        compared += static_cast<int>(ref.size());
    }
    CHECK(compared > 10000);  // the table grew past its first size
}
