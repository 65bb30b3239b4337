// The interface language: negotiation from preferred-language lists (browser and POSIX tags),
// the locale field in hashes and getState, and the setLocale command.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "core/app_model.h"
#include "core/commands.h"
#include "core/locale.h"
#include "core/url_hash.h"
#include "fixture.h"

using namespace ca;
using json = nlohmann::json;

TEST_CASE("choose_locale matches by language, then script or region") {
    using V = std::vector<std::string>;
    CHECK(choose_locale(V{"zh-TW"}) == Locale::ZhHant);
    CHECK(choose_locale(V{"zh-HK"}) == Locale::ZhHant);
    CHECK(choose_locale(V{"zh-MO"}) == Locale::ZhHant);
    CHECK(choose_locale(V{"zh-Hant"}) == Locale::ZhHant);
    CHECK(choose_locale(V{"zh-Hant-HK"}) == Locale::ZhHant);
    CHECK(choose_locale(V{"zh"}) == Locale::ZhHans);
    CHECK(choose_locale(V{"zh-CN"}) == Locale::ZhHans);
    CHECK(choose_locale(V{"zh-SG"}) == Locale::ZhHans);
    CHECK(choose_locale(V{"zh-Hans-HK"}) == Locale::ZhHans);
    CHECK(choose_locale(V{"ko-KR"}) == Locale::Ko);
    CHECK(choose_locale(V{"ko"}) == Locale::Ko);
    CHECK(choose_locale(V{"ja-JP"}) == Locale::Ja);
    CHECK(choose_locale(V{"en-GB"}) == Locale::En);
    CHECK(choose_locale(V{"en-XA"}) == Locale::EnXA);
    // The first tag with a match wins; unknown ones are passed over; nothing: English.
    CHECK(choose_locale(V{"fr-FR", "de", "ja", "ko"}) == Locale::Ja);
    CHECK(choose_locale(V{"fr-FR", "de"}) == Locale::En);
    CHECK(choose_locale(V{}) == Locale::En);
    // POSIX names from LANG / LC_MESSAGES; "C" matches nothing.
    CHECK(choose_locale(V{"C.UTF-8", "ko_KR.UTF-8"}) == Locale::Ko);
    CHECK(choose_locale(V{"zh_TW.UTF-8"}) == Locale::ZhHant);
    CHECK(choose_locale(V{"zh_CN.GB18030@stroke"}) == Locale::ZhHans);
    CHECK(choose_locale(V{"POSIX"}) == Locale::En);
    // A language that merely starts with the same letters is another language.
    CHECK(choose_locale(V{"kok-IN", "ja"}) == Locale::Ja);
    CHECK(choose_locale(V{"jav"}) == Locale::En);
}

TEST_CASE("preferred-language lists are capped and trimmed") {
    auto l = split_locale_list(" ko-KR , en-US,,ja");
    REQUIRE(l == std::vector<std::string>{"ko-KR", "en-US", "ja"});
    CHECK(split_locale_list("zh_TW.UTF-8:en") == std::vector<std::string>{"zh_TW.UTF-8", "en"});
    std::string many;
    for (int i = 0; i < 40; ++i) many += "fr,";
    many += "ko";
    CHECK(split_locale_list(many).size() == kMaxPreferredLocales);
    CHECK(choose_locale(split_locale_list(many)) == Locale::En);  // ko comes after the cap
    CHECK(split_locale_list(std::string(200, 'k')).empty());      // an over-long tag is skipped
}

TEST_CASE("the locale is a view-state field with its own hash key, apart from lang") {
    ViewState v;
    std::vector<std::string> warn;
    decode_hash("#lang=native&locale=zh-Hant", v, warn);
    CHECK(warn.empty());
    CHECK(v.locale == Locale::ZhHant);
    CHECK(v.lang == NameLang::Native);
    CHECK(encode_hash(v).find("locale=zh-Hant") != std::string::npos);
    decode_hash("#locale=fr", v, warn);
    REQUIRE(warn.size() == 1);
    CHECK(warn[0].find("expected en, zh-Hant, zh-Hans, ko, ja or en-XA") != std::string::npos);
    CHECK(v.locale == Locale::ZhHant);
    // Written only when it differs from the default the caller passes (the negotiated one).
    ViewState def;
    def.locale = Locale::ZhHant;
    CHECK(encode_hash(v, def).find("locale=") == std::string::npos);
    CHECK(encode_hash(ViewState{}).find("locale=") == std::string::npos);
}

TEST_CASE("the model starts on the negotiated locale, a link's locale wins, setState switches") {
    AppModel m = test::fixture_model();
    m.set_default_locale(choose_locale({"ko-KR", "en"}));
    auto ask = [&](const char* text) { return json::parse(handle_command(m, text).reply); };
    json s = ask(R"({"cmd":"getState"})");
    CHECK(s["state"]["locale"] == "ko");
    CHECK(s["hash"].get<std::string>().find("locale") == std::string::npos);  // the visitor's own default
    std::vector<std::string> warn;
    m.apply_hash("#locale=ja", warn);
    CHECK(m.view().locale == Locale::Ja);
    CHECK(m.hash().find("locale=ja") != std::string::npos);
    // The host's setLocale {locale} is setState {locale} (web/js/commands.js).
    s = ask(R"({"cmd":"setState","state":{"locale":"zh-Hans"}})");
    CHECK(s["state"]["locale"] == "zh-Hans");
    s = ask(R"({"cmd":"setState","state":{"locale":"xx"}})");
    CHECK(s["warnings"].size() == 1);
    CHECK(m.view().locale == Locale::ZhHans);
}
