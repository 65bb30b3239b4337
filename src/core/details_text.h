// The texts of a selection's details that the map's panel (ui/details_view.cpp) and the page's
// details region (the `selection` event, core/commands.cpp) both show, in the interface language.
#pragma once

#include <string>

#include "core/model.h"

namespace ca {

// A figure: "Students taking part: over 1,200 students (2022)", its label in the interface
// language where the data translates it.
std::string fact_text(const Fact& f);

// A collaboration's topics, " · " between them ("Talent · 3D IC").
std::string topics_text(const Collaboration& c);

}  // namespace ca
