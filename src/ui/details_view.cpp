// The details panel: an organisation (names in every script, kind, place, collaborations with
// dates, roles, figures and partners) or a collaboration (participants, facts, sources, events).
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/chrome_layout.h"
#include "core/details_text.h"
#include "ui/theme.h"
#include "ui/ui.h"

namespace ca::ui {
namespace {

const char* dagger(bool inferred) { return inferred ? " †" : ""; }

// Before an item `width` wide that would follow on the same line: stays on the line when it
// fits before the panel's right edge, else starts a new one.
void same_line_if_fits(float width) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + width <= right) ImGui::SameLine();
}

float small_button_width(const char* label) { return ImGui::CalcTextSize(label, nullptr, true).x + ImGui::GetStyle().FramePadding.x * 2; }

// A link: a selectable whose label wraps at the panel's right edge.
bool link(const char* label, const char* id) {
    ImGui::PushID(id);
    const float wrap = std::max(1.0f, ImGui::GetContentRegionAvail().x - 1);
    const ImVec2 pos = ImGui::GetCursorScreenPos();
    const std::string lines = wrap_text(label, wrap);
    ImVec2 size = ImGui::CalcTextSize(lines.c_str());
    size.x = std::min(size.x, wrap);
    const bool clicked = ImGui::Selectable("##link", false, 0, size);
    ImGui::GetWindowDrawList()->AddText(ImGui::GetFont(), ImGui::GetFontSize(), pos, link_colour(), lines.c_str());
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    ImGui::PopID();
    return clicked;
}

// A small button, or, when its label is wider than the line (a longer language), a wrapped link.
bool button_or_link(const char* label, const char* id) {
    return small_button_width(label) <= ImGui::GetContentRegionAvail().x ? ImGui::SmallButton(label) : link(label, id);
}

std::string interval_text(const Interval& iv) { return format_interval_human(iv); }

void quote_block(const Dataset& ds, int source, const std::string& quote) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyle().Colors[ImGuiCol_TextDisabled]);
    text_wrapped("\u201C" + quote + "\u201D");
    ImGui::PopStyleColor();
    if (source >= 0) {
        const Source& s = ds.sources[source];
        ImGui::Indent();
        text_wrapped("— " + s.title + ", " + s.publisher + (s.has_published ? ", " + format_date_local(s.published) : std::string()) +
                     " [" + s.file + "]");
        ImGui::Unindent();
    }
}

// "Read the original ↗" (and "archived copy ↗") for a source with a web address: buttons; the
// platform opens the page in a new tab. (Tab leaves the map on the web, so keyboard visitors
// reach the same links in the page's screen-reader summary, web/js/mirror.js.)
void source_links(AppModel& m, const Source& s) {
    if (s.url.empty() && s.archived_url.empty()) return;
    ImGui::PushID(&s);
    if (!s.url.empty()) {
        if (button_or_link(tr("Read the original ↗"), "original")) m.request_open_url(s.url);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.url.c_str());
    }
    if (!s.archived_url.empty()) {
        if (!s.url.empty()) same_line_if_fits(small_button_width(tr("archived copy ↗")));
        if (button_or_link(tr("archived copy ↗"), "archived")) m.request_open_url(s.archived_url);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", s.archived_url.c_str());
    }
    ImGui::PopID();
}

// Each source that c's evidence cites, once, in the order first cited.
std::vector<int> cited_sources(const Collaboration& c) {
    std::vector<int> out;
    for (auto& e : c.evidence)
        if (e.source >= 0 && std::find(out.begin(), out.end(), e.source) == out.end()) out.push_back(e.source);
    return out;
}

void org_details(AppModel& m, UiContext& ui, int oi) {
    const Dataset& ds = m.data();
    const Organisation& o = ds.organisations[oi];
    const Visibility& vis = m.visibility();
    ImGui::PushFont(ui.fonts.large);
    text_wrapped(o.shown_name(active_locale()));
    ImGui::PopFont();
    if (!o.abbr.empty()) ImGui::TextDisabled("%s", o.abbr.c_str());
    for (auto& n : o.names) {
        ImGui::PushFont(ui.fonts.for_lang(n.lang));
        ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopFont();
        char lang[48];
        std::snprintf(lang, sizeof lang, "%s%s", enum_label(n.lang), dagger(o.is_inferred("names")));
        same_line_if_fits(ImGui::CalcTextSize(lang).x);
        ImGui::TextDisabled("%s", lang);
    }
    std::string kind = enum_label(o.kind);
    if (o.industry != Industry::None) kind += std::string(" · ") + enum_label(o.industry);
    ImGui::Text("%s", kind.c_str());
    const std::string& city = o.city_in(active_locale());
    ImGui::Text("%s%s%s", city.c_str(), city.empty() ? "" : ", ", enum_label(o.region));
    if (o.has_coords) ImGui::TextDisabled("%.4f, %.4f%s", o.lat, o.lon, dagger(o.is_inferred("lat")));
    if (o.parent >= 0 && link(trf("Part of %s", ds.organisations[o.parent].shown_name(active_locale()).c_str()).c_str(), "parent")) {
        m.select_org(o.parent);
        m.fly_to_org(o.parent);
    }
    if (const std::string& note = o.note_in(active_locale()); !note.empty()) text_wrapped(trf("Note: %s", note.c_str()));
    ImGui::Separator();
    int count = 0;
    for (size_t ci = 0; ci < ds.collaborations.size(); ++ci) {
        const Collaboration& c = ds.collaborations[ci];
        auto it = std::find_if(c.participants.begin(), c.participants.end(), [&](const Participant& p) { return p.org == oi; });
        if (it == c.participants.end()) continue;
        ++count;
        ImGui::PushID(static_cast<int>(ci));
        Vis cv = vis.collab[ci];
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::ColorConvertU32ToFloat4(collab_colour(c.kind, m.dark())));
        ImGui::Bullet();
        ImGui::PopStyleColor();
        ImGui::SameLine();
        if (link(c.title_in(active_locale()).c_str(), c.id.c_str())) m.select_collab(static_cast<int>(ci));
        ImGui::Indent();
        ImGui::TextDisabled("%s · %s · %s%s%s", enum_label(c.kind), enum_label(it->role), interval_text(c.interval).c_str(),
                            dagger(c.is_inferred("start")),
                            cv == Vis::Active  ? tr(" · active")
                            : cv == Vis::Faded ? tr(" · ended")
                                               : tr(" · not shown now"));
        for (auto& f : c.facts) text_wrapped(fact_text(f));
        // Partners as buttons, flowing onto new lines; a name wider than the panel is a
        // wrapped link on a line of its own instead.
        bool first = true;
        const float line_width = ImGui::GetContentRegionAvail().x;
        for (auto& p : c.participants) {
            if (p.org == oi) continue;
            const std::string& name = ds.organisations[p.org].shown_short_name(active_locale());
            const float w = small_button_width(name.c_str());
            if (!first && w <= line_width) same_line_if_fits(w);
            first = false;
            ImGui::PushID(p.org);
            if (button_or_link(name.c_str(), "wide")) {
                m.select_org(p.org);
                m.fly_to_org(p.org);
            }
            ImGui::PopID();
        }
        if (!c.evidence.empty() && ImGui::TreeNode("src", tr("Sources (%zu)"), c.evidence.size())) {
            for (auto& e : c.evidence) quote_block(ds, e.source, e.quote);
            ImGui::TreePop();
        }
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (!count) ImGui::TextDisabled("%s", tr("No collaborations."));
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Sources"));
    for (int s : o.sources) {
        const Source& src = ds.sources[s];
        ImGui::Bullet();
        ImGui::SameLine();
        text_wrapped(src.title);
        ImGui::Indent();
        ImGui::TextDisabled("%s [%s]", src.publisher.c_str(), src.file.c_str());
        source_links(m, src);
        ImGui::Unindent();
    }
    if (!o.inferred.empty()) ImGui::TextDisabled("%s", tr("† from general knowledge, not the sources"));
}

void collab_details(AppModel& m, UiContext& ui, int ci) {
    const Dataset& ds = m.data();
    const Collaboration& c = ds.collaborations[ci];
    ImGui::PushFont(ui.fonts.large);
    text_wrapped(c.title_in(active_locale()));
    ImGui::PopFont();
    ImGui::TextColored(ImGui::ColorConvertU32ToFloat4(collab_colour(c.kind, m.dark())), "%s", enum_label(c.kind));
    ImGui::SameLine();
    ImGui::Text("%s%s", interval_text(c.interval).c_str(), dagger(c.is_inferred("start")));
    if (c.interval.start_by)
        ImGui::TextDisabled(tr("Started %s or earlier: the sources say it was running then, not when it began."),
                            format_date_local(c.interval.start).c_str());
    if (c.parent >= 0 && link(trf("Part of %s", ds.collaborations[c.parent].title_in(active_locale()).c_str()).c_str(), "parent"))
        m.select_collab(c.parent);
    text_wrapped(c.summary_in(active_locale()));
    if (!c.topics.empty()) ImGui::TextDisabled("%s", topics_text(c).c_str());
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Participants"));
    for (auto& p : c.participants) {
        const Organisation& o = ds.organisations[p.org];
        std::string label = display_name(o, m.view().lang) + "  (" + enum_label(p.role) + ")";
        if (link(label.c_str(), o.id.c_str())) {
            m.select_org(p.org);
            m.fly_to_org(p.org);
        }
    }
    if (!c.facts.empty()) {
        ImGui::Separator();
        ImGui::TextDisabled("%s", tr("Figures"));
        for (size_t i = 0; i < c.facts.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped(fact_text(c.facts[i]));
            if (ImGui::IsItemHovered()) {
                ImGui::BeginTooltip();
                ImGui::PushTextWrapPos(420);
                quote_block(ds, c.facts[i].source, c.facts[i].quote);
                ImGui::PopTextWrapPos();
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
    }
    bool any_event = false;
    for (auto& e : ds.events) {
        if (e.collaboration != ci) continue;
        if (!any_event) {
            ImGui::Separator();
            ImGui::TextDisabled("%s", tr("Timeline"));
            any_event = true;
        }
        ImGui::PushID(e.id.c_str());
        if (link((format_date_local(e.date) + " — " + e.title_in(active_locale())).c_str(), e.id.c_str())) m.set_time(first_day(e.date));
        ImGui::PopID();
    }
    ImGui::Separator();
    ImGui::TextDisabled("%s", tr("Sources"));
    for (int si : cited_sources(c)) {
        const Source& s = ds.sources[si];
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s — %s", s.title.c_str(), s.publisher.c_str());
        ImGui::Indent();
        source_links(m, s);
        ImGui::Unindent();
    }
    ImGui::TextDisabled("%s", tr("Quotes"));
    for (auto& e : c.evidence) quote_block(ds, e.source, e.quote);
    if (const std::string& note = c.note_in(active_locale()); !note.empty()) text_wrapped(trf("Note: %s", note.c_str()));
    if (!c.inferred.empty()) ImGui::TextDisabled("%s", tr("† from general knowledge, not the sources"));
}

}  // namespace

void draw_details(AppModel& m, UiContext& ui) {
    Selection s = m.selection();
    if (!s.valid()) return;
    ImGuiIO& io = ImGui::GetIO();
    const bool narrow = details_span_width(io.DisplaySize.x);
    const float w = narrow ? io.DisplaySize.x - 20 : std::min(380.0f, io.DisplaySize.x * 0.4f);
    const float x = io.DisplaySize.x - w - 10;
    // A phone's sheet: placed by draw_ui (core/story_card.h), folded to its bar above a story's
    // card until the visitor opens it.
    const DetailsSheetPlace& sheet = ui.details_sheet;
    const bool foldable = narrow && m.story();
    if (narrow && sheet.hidden) return;
    if (foldable) ImGui::SetNextWindowCollapsed(ui.details_folded, ImGuiCond_Always);
    if (narrow && ui.details_folded) {
        ImGui::SetNextWindowPos(ImVec2(x, sheet.bottom), ImGuiCond_Always, ImVec2(0, 1));
        ImGui::SetNextWindowSize(ImVec2(w, std::max(kDetailsMinHeight, sheet.bottom - sheet.top)), ImGuiCond_Always);
    } else if (narrow) {
        ImGui::SetNextWindowPos(ImVec2(x, sheet.top), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(w, std::max(60.0f, sheet.bottom - sheet.top)), ImGuiCond_Always);
    } else {
        // Beside the map, below the toolbar and the page's chrome, above the timeline; at least
        // 100 px tall: in a short box the panel starts higher rather than cover the timeline, but
        // not over the toolbar nor the chrome (the dataset bar), where it may be shorter (60 px).
        float top = clear_top(x, x + w, ui.toolbar_bottom + 6, 30, m.page_chrome());
        // Above the timeline and the page's chrome over the map's foot (a dataset bar that wraps).
        const float bottom =
            std::max(top + 100, clear_bottom(x, x + w, io.DisplaySize.y - ui.timeline_height - 18, io.DisplaySize.y, m.page_chrome()));
        if (bottom - top < 100) top = clear_top(x, x + w, std::max(ui.toolbar_bottom + 4, bottom - 100), 30, m.page_chrome());
        ImGui::SetNextWindowPos(ImVec2(x, top), ImGuiCond_Always);
        ImGui::SetNextWindowSize(ImVec2(w, std::max(bottom - top < 100 ? 60.0f : 100.0f, bottom - top)), ImGuiCond_Always);
    }
    bool open = true;
    ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];  // opaque: long text over the map
    bg.w = 1;
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    const bool shown = ImGui::Begin(with_id(tr("Details"), "###Details"), &open,
                                    ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoResize |
                                        (foldable ? 0 : ImGuiWindowFlags_NoCollapse));
    ImGui::PopStyleColor();
    // Folded and unfolded by its arrow, or a tap on its title (not on its close button).
    const bool collapsed = ImGui::IsWindowCollapsed();
    if (foldable) ui.details_folded = title_tapped(ImGui::GetFrameHeight()) ? !collapsed : collapsed;
    ImVec2 p = ImGui::GetWindowPos(), sz = ImGui::GetWindowSize();
    ui.panels.push_back({p.x, p.y, p.x + sz.x, p.y + sz.y});
    if (shown && !collapsed) {
        ImGui::PushTextWrapPos(0);
        if (s.is_org)
            org_details(m, ui, s.index);
        else
            collab_details(m, ui, s.index);
        ImGui::PopTextWrapPos();
    }
    ui.audit.details_scroll = ImGui::GetScrollY();
    ui.audit.details_scroll_max = ImGui::GetScrollMaxY();
    ImGui::End();
    // Escape closes the About card first when it is open (it is drawn after the details).
    if (!open || (!io.WantTextInput && !ui.show_help && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape)))) m.select("");
}

}  // namespace ca::ui
