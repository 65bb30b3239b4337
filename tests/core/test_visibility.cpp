// Visibility at time t (src/core/visibility.cpp): filters hide kinds and regions, and the
// legend counts follow time, on the tests' dataset.
#include <catch2/catch.hpp>

#include "core/app_model.h"
#include "fixture.h"

using namespace ca;

namespace {
using test::fixture_model;
}  // namespace

TEST_CASE("visibility: filters hide kinds and regions, legend counts follow time") {
    AppModel m = fixture_model();
    m.set_mode(TimeMode::Cumulative);
    m.set_time(m.axis().t1);
    int all = m.visibility().active + m.visibility().faded;
    CHECK(all == static_cast<int>(m.data().collaborations.size()));
    int mou = m.visibility().kind_count[static_cast<int>(CollabKind::Mou)];
    CHECK(mou >= 2);
    m.toggle_collab_kind(CollabKind::Mou);
    CHECK(m.visibility().kind_count[static_cast<int>(CollabKind::Mou)] == 0);
    CHECK(m.visibility().active + m.visibility().faded == all - mou);
    m.toggle_collab_kind(CollabKind::Mou);
    // Hiding every region hides every collaboration.
    Filters f;
    f.hidden_regions = 0xff;
    m.set_filters(f);
    CHECK(m.visibility().active + m.visibility().faded == 0);
    m.set_filters({});
    // Before the first start nothing shows; organisations fade without collaborations.
    m.set_time(m.axis().t0);
    m.set_mode(TimeMode::Snapshot);
    int active_orgs = 0;
    for (auto v : m.visibility().org) active_orgs += v == Vis::Active;
    CHECK(m.visibility().active <= 2);
    CHECK(active_orgs < static_cast<int>(m.data().organisations.size()));
}
