// The URL hash codec (src/core/url_hash.cpp): a view state round-trips, and malformed or
// unknown values warn and are skipped.
#include <catch2/catch.hpp>

#include "core/app_model.h"
#include "core/url_hash.h"

using namespace ca;

TEST_CASE("view state: encode/decode round trip, malformed values warn and are skipped") {
    ViewState v;
    v.t = days_from_civil(2023, 8, 30);
    v.mode = TimeMode::Window;
    v.window_months = 18;
    v.filters.hidden_collab_kinds = 1u << static_cast<int>(CollabKind::Forum) | 1u << static_cast<int>(CollabKind::Mou);
    v.filters.hidden_regions = 1u << static_cast<int>(Region::Japan);
    v.selected = "astri";
    v.has_camera = true;
    v.cam_centre = {22.3, 114.2};
    v.zoom = 6;
    v.lang = NameLang::Native;
    v.theme = Theme::Dark;
    v.embed = true;
    v.transparent = true;
    v.speed = 2;
    std::string h = encode_hash(v);
    CHECK(h ==
          "#t=2023-08-30&mode=window&win=18&hk=mou,forum&hr=japan&sel=astri&c=22.3000,114.2000,6.00&lang=native&theme=dark&embed=1&bg="
          "transparent&speed=2");
    ViewState back;
    std::vector<std::string> warn;
    decode_hash(h, back, warn);
    CHECK(warn.empty());
    CHECK(back == v);

    ViewState w;
    decode_hash("#t=banana&mode=zzz&win=0&c=1,2&hk=forum,nope&foo=1&theme=dark", w, warn);
    CHECK(warn.size() == 6);
    CHECK(warn[0] == "ignoring t=banana: expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
    CHECK(w.theme == Theme::Dark);      // good keys still apply
    CHECK(w.mode == ViewState{}.mode);  // bad ones leave the default
    CHECK(w.filters.hidden_collab_kinds == 0);
    CHECK(url_decode("a%20b+c%E4%B8%AD") == "a b c中");
}
