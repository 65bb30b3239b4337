// The About card's words, shared by the ImGui card (ui/help_view.cpp) and the page's dialog
// (the `about` command, web/js/about.js), so the two always say the same.
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace ca {

struct AboutText {
    std::string title;                 // "About chipatlas"
    std::string intro;                 // what the atlas shows
    std::vector<std::string> bullets;  // how to use it
    std::string provenance;            // where the facts come from (counted from the data)
    std::string credits;               // basemap and fonts
    std::string close;                 // the closing button's words
    std::string tour;                  // the button that tells the site's first story
};

AboutText about_text(const Dataset& ds);

}  // namespace ca
