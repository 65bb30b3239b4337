// The URL hash codec (src/core/url_hash.cpp): malformed or unknown values warn and are
// skipped; percent-decoding.
#include <catch2/catch.hpp>

#include "core/app_model.h"
#include "core/url_hash.h"

using namespace ca;

// Every field's round trip (hash -> state -> hash, exact text) is in test_view_state.cpp, which
// walks the field table; here, what the codec does with text it cannot use.
TEST_CASE("view state: malformed or unknown hash values warn and are skipped, good ones apply") {
    std::vector<std::string> warn;
    ViewState w;
    decode_hash("#t=banana&mode=zzz&win=0&c=1,2&hk=forum,nope&foo=1&theme=dark", w, warn);
    CHECK(warn.size() == 6);
    CHECK(warn[0] == "ignoring t=banana: expected a date as YYYY, YYYY-MM or YYYY-MM-DD");
    CHECK(w.theme == Theme::Dark);      // good keys still apply
    CHECK(w.mode == ViewState{}.mode);  // bad ones leave the default
    CHECK(w.filters.hidden_collab_kinds == 0);
    CHECK(url_decode("a%20b+c%E4%B8%AD") == "a b c中");
}
