// The edit panel's files in a web page (issue 16): a row per data file with Download and Copy.
// It only emits intents; the app hands the file's canonical text to the page, which downloads or copies it.
#include <string>

#include "core/i18n.h"
#include "imgui.h"
#include "ui/edit_view.h"
#include "ui/ui.h"

namespace ca::ui {

namespace {

Rect item_rect() { return {ImGui::GetItemRectMin().x, ImGui::GetItemRectMin().y, ImGui::GetItemRectMax().x, ImGui::GetItemRectMax().y}; }

}  // namespace

void draw_edit_files(const EditSession& s, EditState& st) {
    st.download_buttons.clear();
    st.copy_buttons.clear();
    const bool open = ImGui::CollapsingHeader(with_id(tr("Files (download or copy)"), "###files"));
    st.files_header = item_rect();
    if (!open) return;
    for (size_t i = 0; i < s.file_count(); ++i) {
        const std::string& name = s.file(i).name;
        const size_t slash = name.find_last_of('/');
        const std::string base = slash == std::string::npos ? name : name.substr(slash + 1);
        ImGui::PushID(static_cast<int>(i));
        if (ImGui::SmallButton(tr("Download"))) {
            EditIntent in;
            in.op = EditIntent::Op::Download;
            in.index = i;
            st.intents.push_back(std::move(in));
        }
        st.download_buttons.push_back(item_rect());
        ImGui::SameLine();
        if (ImGui::SmallButton(tr("Copy"))) {
            EditIntent in;
            in.op = EditIntent::Op::Copy;
            in.index = i;
            st.intents.push_back(std::move(in));
        }
        st.copy_buttons.push_back(item_rect());
        ImGui::SameLine();
        ImGui::Text("%s%s", base.c_str(), s.modified(i) ? tr(" (changed)") : "");
        ImGui::PopID();
    }
}

}  // namespace ca::ui
