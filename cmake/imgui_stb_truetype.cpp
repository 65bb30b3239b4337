// stb_truetype's and stb_rect_pack's implementations (ImGui's own copies) in a translation unit of
// their own for the web build, with the settings imgui_draw.cpp gives them (cmake/imgui.cmake says
// why). stb_rect_pack comes first: stb_truetype's packer then uses it, not its own fallback, whose
// context ImGui's atlas build could not read.
#include "imgui.h"
#include "imgui_internal.h"

#define STBRP_ASSERT(x) \
    do {                \
        IM_ASSERT(x);   \
    } while (0)
#define STBRP_SORT ImQsort
#define STB_RECT_PACK_IMPLEMENTATION
#include "imstb_rectpack.h"

#define STBTT_malloc(x, u) ((void)(u), IM_ALLOC(x))
#define STBTT_free(x, u) ((void)(u), IM_FREE(x))
#define STBTT_assert(x) \
    do {                \
        IM_ASSERT(x);   \
    } while (0)
#define STBTT_fmod(x, y) ImFmod(x, y)
#define STBTT_sqrt(x) ImSqrt(x)
#define STBTT_pow(x, y) ImPow(x, y)
#define STBTT_fabs(x) ImFabs(x)
#define STBTT_ifloor(x) ((int)ImFloorSigned(x))
#define STBTT_iceil(x) ((int)ImCeil(x))
#define STB_TRUETYPE_IMPLEMENTATION
#include "imstb_truetype.h"
