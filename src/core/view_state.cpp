// The view state's messages: the ids of a choice and a range, as warnings quote them.
#include "core/view_state.h"

#include "core/i18n.h"

#include <cstdio>

namespace ca {

std::string choices_text(std::span<const char* const> ids) {
    std::string s;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i) s += i + 1 == ids.size() ? " or " : ", ";
        s += ids[i];
    }
    return s;
}

template <class T>
std::string Range<T>::text() const {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%g..%g", static_cast<double>(lo), static_cast<double>(hi));
    return buf;
}
template struct Range<int>;
template struct Range<double>;

std::string display_name(const Organisation& o, NameLang lang) {
    if (const LocalName* local = lang == NameLang::Both ? o.name_in(active_locale()) : nullptr) return local->text + " · " + o.name;
    const LocalName* nat = o.native();
    if (!nat || lang == NameLang::En) return o.shown_name(active_locale());
    if (lang == NameLang::Native) return nat->text;
    return o.name + " · " + nat->text;
}

}  // namespace ca
