// The About card's words (core/about_text.h): fixed text, and the provenance sentence counted
// from the dataset shown.
#include "core/about_text.h"

#include "core/i18n.h"

namespace ca {

AboutText about_text(const Dataset& ds) {
    AboutText a;
    a.title = tr("About chipatlas");
    a.intro =
        tr("chipatlas maps semiconductor collaboration in Hong Kong and the Greater Bay Area, South Korea, Taiwan and Japan: "
           "who works with whom (consortia, MoUs, joint research, courses, internships, scholarships, forums) and when.");
    a.bullets = {
        tr("Drag to pan, scroll or pinch to zoom, double-click to zoom in."),
        tr("Press Play (Space) to watch collaborations appear over time."),
        tr("Snapshot: active on the date. Window: started recently. Cumulative: all so far."),
        tr("Click a dot, a cluster or a link's organisation for details and sources."),
        tr("Keys: arrows pan, + / - zoom, 0 reset, Shift+arrows jump between events, , . step a month."),
    };
    a.provenance = provenance_sentence(ds) + " " + tr("Values marked \xE2\x80\xA0 are from general knowledge.");
    a.credits = tr("Basemap: Natural Earth (public domain). Fonts: Noto Sans CJK (SIL OFL).");
    a.close = tr("Start exploring");
    a.tour = tr("Take the tour");
    return a;
}

}  // namespace ca
