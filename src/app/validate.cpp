// File reading and the --validate command shared by chipatlas and chipatlas_validate.
// Output goes to stderr (diagnostics) and stdout (the summary).
#include "app/validate.h"

#include <cstdio>
#include <map>

#include "core/dataset_json.h"
#include "core/story.h"

namespace ca {

namespace {

constexpr size_t kMaxSourceBytes = 64u << 20;  // a source text is an article, not a dump

// Reads the source texts that the loader asks for, once each, from one folder.
class SourceFolder {
public:
    explicit SourceFolder(std::string dir) : dir_(std::move(dir)) {}
    SourceText get(std::string_view file) {
        const std::string path = dir_ + "/" + std::string(file);
        auto it = texts_.find(path);
        if (it == texts_.end()) {
            it = texts_.emplace(path, FileText()).first;
            if (!it->second.open(path)) {
                texts_.erase(it);
                return fail("file \"" + std::string(file) + "\" not found in the sources folder " + dir_);
            }
        }
        const std::string_view text = it->second.text();
        if (text.size() > kMaxSourceBytes)
            return fail(path + " is " + std::to_string(text.size()) + " bytes, over the limit of " + std::to_string(kMaxSourceBytes));
        SourceText st;
        st.ok = true;
        st.text = text;
        st.name = path;
        return st;
    }

private:
    static SourceText fail(std::string why) {
        SourceText st;
        st.error = std::move(why);
        return st;
    }
    std::string dir_;
    std::map<std::string, FileText> texts_;
};

}  // namespace

bool read_files(const std::vector<std::string>& paths, std::vector<FileText>& texts, std::vector<Diagnostic>& errors) {
    texts.clear();
    texts.resize(paths.size());
    bool ok = true;
    for (size_t i = 0; i < paths.size(); ++i) {
        if (texts[i].open(paths[i])) continue;
        Diagnostic d;
        d.file = paths[i];
        d.line = d.col = 1;
        d.message = "cannot open file";
        errors.push_back(d);
        ok = false;
    }
    return ok;
}

int validate_files(const std::vector<std::string>& paths, bool quiet, const std::string& sources_dir) {
    if (paths.empty()) {
        std::fprintf(stderr, "usage: --validate [--sources DIR] FILE...\n");
        return 2;
    }
    if (!sources_dir.empty() && !is_directory(sources_dir)) {
        std::fprintf(stderr, "error: sources folder not found: %s\n", sources_dir.c_str());
        return 2;
    }
    std::vector<FileText> texts;
    std::vector<Diagnostic> io_errors;
    if (!read_files(paths, texts, io_errors)) {
        for (auto& d : io_errors) std::fprintf(stderr, "%s\n", d.to_string().c_str());
        return 1;
    }
    // Story files (recognised by content: core/story.h) are checked against the dataset the
    // other files make.
    std::vector<InputFile> inputs, stories;
    for (size_t i = 0; i < paths.size(); ++i) (is_story_text(texts[i].text()) ? stories : inputs).push_back({paths[i], texts[i].text()});
    if (inputs.empty()) {
        std::fprintf(stderr, "error: a story is checked against a dataset: give the dataset's files too (data/*.json)\n");
        return 2;
    }
    SourceFolder folder(sources_dir);
    LoadOptions opt;
    if (!sources_dir.empty()) opt.source_text = [&folder](std::string_view file) { return folder.get(file); };
    LoadResult r = load_dataset(inputs, opt);
    if (r.ok())
        for (const InputFile& f : stories) {
            StoryLoad sl = load_story(f.name, f.text, r.dataset);
            r.diagnostics.insert(r.diagnostics.end(), sl.diagnostics.begin(), sl.diagnostics.end());
        }
    for (auto& d : r.diagnostics) std::fprintf(stderr, "%s\n", d.to_string().c_str());
    const size_t errors = count_errors(r.diagnostics), warnings = count_warnings(r.diagnostics);
    if (errors) {
        std::fprintf(stderr, "%zu error(s), %zu warning(s)\n", errors, warnings);
        return 1;
    }
    if (quiet) return 0;
    note_missing_glyphs(r.dataset);
    std::printf("valid: %zu sources, %zu organisations, %zu collaborations, %zu events, %zu stories (%zu warnings)\n",
                r.dataset.sources.size(), r.dataset.organisations.size(), r.dataset.collaborations.size(), r.dataset.events.size(),
                stories.size(), warnings);
    if (sources_dir.empty())
        std::printf("quotes not checked against the source texts (--sources DIR checks them)\n");
    else
        std::printf("quotes: all %zu found in their source texts in %s\n", r.quotes_checked, sources_dir.c_str());
    return 0;
}

}  // namespace ca
