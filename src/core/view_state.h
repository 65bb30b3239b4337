// Encodes the view state as a URL hash ("#t=2023-08-30&mode=window&sel=astri&c=22.3,114.2,4")
// and decodes it back; malformed or unknown values are skipped with a warning, never fatal.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/app_state.h"

namespace ca {

// The camera a view state may ask for (the hash's c=lat,lon,zoom and setState's camera):
// Web Mercator's latitudes, any longitude, zoom (1 = the whole region) above kCamZoomMin.
inline constexpr double kCamLatMax = 85, kCamLonMax = 180, kCamZoomMin = 0.05, kCamZoomMax = 2000;

std::string encode_hash(const ViewState& v);
// Applies the keys present in hash (with or without the leading '#') onto v.
void decode_hash(std::string_view hash, ViewState& v, std::vector<std::string>& warnings);

std::string url_decode(std::string_view s);
std::string url_encode(std::string_view s);

}  // namespace ca
