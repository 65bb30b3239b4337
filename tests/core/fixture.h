// A small dataset written for the tests (ids, names in three scripts, kinds, dates), so unit
// tests do not depend on the bundled data's ids; fixture_dataset() and fixture_model() load it.
#pragma once
#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "core/app_model.h"
#include "core/dataset_json.h"

namespace ca::test {

inline const char* fixture_json() {
    return R"({
"sources": [{"id": "s1", "title": "Source one", "publisher": "P", "file": "one.txt", "url": "https://example.org/one"},
            {"id": "s2", "title": "Source two", "publisher": "P", "file": "two.txt", "url": "https://example.org/two"}],
"organisations": [
 {"id": "astri", "name": "Hong Kong Applied Science and Technology Research Institute", "abbr": "ASTRI",
  "names": [{"lang": "zh-Hant", "text": "香港應用科技研究院"}], "kind": "research_institute", "region": "hong_kong",
  "lat": 22.43, "lon": 114.21, "sources": ["s1"]},
 {"id": "polyu", "name": "The Hong Kong Polytechnic University", "abbr": "PolyU", "kind": "university", "region": "hong_kong",
  "lat": 22.30, "lon": 114.18, "sources": ["s1"]},
 {"id": "nsysu", "name": "National Sun Yat-sen University", "abbr": "NSYSU", "names": [{"lang": "zh-Hant", "text": "國立中山大學"}],
  "kind": "university", "region": "taiwan", "lat": 22.63, "lon": 120.27, "sources": ["s2"]},
 {"id": "samsung", "name": "Samsung Electronics", "names": [{"lang": "ko", "text": "삼성전자"}], "kind": "company",
  "region": "korea", "lat": 37.26, "lon": 127.03, "sources": ["s2"]},
 {"id": "skhynix", "name": "SK hynix", "names": [{"lang": "ko", "text": "SK하이닉스"}], "kind": "company", "region": "korea",
  "lat": 37.27, "lon": 127.44, "sources": ["s2"]},
 {"id": "mitsubishi_electric", "name": "Mitsubishi Electric", "names": [{"lang": "ja", "text": "三菱電機"}], "kind": "company",
  "region": "japan", "lat": 35.68, "lon": 139.77, "sources": ["s2"]}
],
"collaborations": [
 {"id": "metc", "title": "Microelectronics Technology Consortium", "kind": "consortium",
  "participants": [{"org": "astri", "role": "lead"}, {"org": "polyu", "role": "member"}], "start": "2022-11-09",
  "summary": "S", "evidence": [{"source": "s1", "quote": "Q1"}]},
 {"id": "cnt", "title": "Smart manufacturing forum", "kind": "forum",
  "participants": [{"org": "nsysu", "role": "organiser"}, {"org": "mitsubishi_electric", "role": "member"}],
  "start": "2022-08-23", "end": "2022-08-23", "summary": "S", "evidence": [{"source": "s2", "quote": "Q2"}]},
 {"id": "tw_jp_mou", "title": "Smart manufacturing MoU", "kind": "mou",
  "participants": [{"org": "nsysu", "role": "signatory"}, {"org": "mitsubishi_electric", "role": "signatory"}],
  "start": "2022-08-23", "summary": "S", "evidence": [{"source": "s2", "quote": "Q3"}]},
 {"id": "kr_mou", "title": "Advanced packaging MoU", "kind": "mou",
  "participants": [{"org": "samsung", "role": "signatory"}, {"org": "skhynix", "role": "signatory"}],
  "start": "2023-08-30", "summary": "S", "evidence": [{"source": "s2", "quote": "Q4"}, {"source": "s2", "quote": "Q5"}]},
 {"id": "hk_mou", "title": "GBA microelectronics MoU", "kind": "mou",
  "participants": [{"org": "astri", "role": "signatory"}, {"org": "polyu", "role": "signatory"}],
  "start": "2023-01-12", "summary": "S", "evidence": [{"source": "s1", "quote": "Q6"}]},
 {"id": "course", "title": "Packaging course", "kind": "course",
  "participants": [{"org": "nsysu", "role": "host"}, {"org": "samsung", "role": "partner"}],
  "start": "2019-09", "end": "2021-06", "summary": "S", "evidence": [{"source": "s2", "quote": "Q7"}]}
],
"events": [
 {"id": "e1", "collaboration": "course", "date": "2019-09-01", "kind": "launch", "title": "Course starts", "source": "s2", "quote": "Q7"},
 {"id": "e2", "collaboration": "course", "date": "2021-06-30", "kind": "milestone", "title": "Course ends", "source": "s2", "quote": "Q7"},
 {"id": "e3", "collaboration": "cnt", "date": "2022-08-23", "kind": "forum", "title": "Forum", "source": "s2", "quote": "Q2"},
 {"id": "e4", "collaboration": "metc", "date": "2022-11-09", "kind": "launch", "title": "Consortium launched", "source": "s1", "quote": "Q1"},
 {"id": "e5", "collaboration": "hk_mou", "date": "2023-01-12", "kind": "signing", "title": "MoU signed", "source": "s1", "quote": "Q6"},
 {"id": "e6", "collaboration": "kr_mou", "date": "2023-08-30", "kind": "signing", "title": "MoU signed", "source": "s2", "quote": "Q4"}
]
})";
}

inline Dataset fixture_dataset() {
    std::vector<InputFile> in{{"fixture.json", fixture_json()}};
    LoadResult r = load_dataset(in);
    INFO((r.diagnostics.empty() ? std::string() : r.diagnostics[0].to_string()));
    REQUIRE(r.ok());
    return std::move(r.dataset);
}

inline AppModel fixture_model() {
    AppModel m;
    m.set_dataset(fixture_dataset(), "fixture");
    m.set_viewport({0, 0}, {1280, 800});
    return m;
}

}  // namespace ca::test
