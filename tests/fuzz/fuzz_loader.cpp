// libFuzzer entry point: any bytes must load or be rejected with diagnostics, never crash, hang or
// leak; diagnostics carry sane positions; the JSON parsers agree; a load in place agrees with a copy.
#include <cstdint>
#include <cstdlib>
#include <string>

#include "core/commands.h"
#include "core/dataset_json.h"
#include "core/json_doc.h"
#include "core/quote_check.h"
#include "core/url_hash.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    // Differential: the loader's fast JSON path must never accept what the reference rejects.
    {
        ca::JsonDoc doc;
        ca::JsonError err;
        if (doc.parse(text, 1000, err) && doc.fast_path() && !ca::json_reference_accepts(text)) std::abort();
    }
    std::vector<ca::InputFile> in{{"fuzz.json", text}};
    ca::LoadOptions opt;
    opt.max_bytes = 1 << 20;
    // The quote check: the input's two halves as text and quote, then the input's first 4 KiB
    // as every source's text (its own quotes are then found, or not, in itself).
    {
        const std::string_view t(text);
        const std::string_view head = t.substr(0, 4096);
        const ca::QuoteMatch qm = ca::find_quote(t.substr(0, size / 2), t.substr(size / 2));
        if (!qm.found && qm.text_offset > size / 2) std::abort();
        (void)ca::quote_mismatch_message(qm, t.substr(0, size / 2), "src.txt");
        ca::LoadOptions with_sources = opt;
        with_sources.source_text = [head](std::string_view) { return ca::SourceText{true, head, "fuzz.txt", ""}; };
        for (auto& d : ca::load_dataset(in, with_sources).diagnostics)
            if (d.line < 1 || d.col < 1) std::abort();
    }
    ca::LoadResult r = ca::load_dataset(in, opt);
    for (auto& d : r.diagnostics)
        if (d.line < 1 || d.col < 1) std::abort();
    // In place (the web page's copies): either it asks for the text, or it loaded what the copy
    // did, with nothing to report.
    {
        std::vector<char> buf(text.begin(), text.end());
        buf.push_back('\0');
        const ca::LoadResult p = ca::load_dataset({{"fuzz.json", std::string_view(buf.data(), size), buf.data()}}, opt);
        if (!p.text_needed && (!p.diagnostics.empty() || !r.diagnostics.empty() || p.ok() != r.ok() ||
                               p.dataset.organisations.size() != r.dataset.organisations.size() ||
                               p.dataset.collaborations.size() != r.dataset.collaborations.size()))
            std::abort();
    }
    // The web page's error event: must not throw (an abort there) whatever bytes the messages quote.
    const std::string event = ca::diagnostics_json(r.diagnostics);
    if (!ca::json_reference_accepts(event)) std::abort();
    // The URL-hash decoder and the command interface take untrusted text too.
    ca::ViewState v;
    std::vector<std::string> warnings;
    ca::decode_hash(text, v, warnings);
    if (r.ok() && !r.dataset.organisations.empty()) {
        ca::AppModel m;
        m.set_dataset(std::move(r.dataset), "fuzz");
        ca::handle_command(m, text);
        ca::export_csv(m);
    }
    return 0;
}
