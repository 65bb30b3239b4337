/* Loads a font with stb_truetype (the rasteriser Dear ImGui uses) and checks a list of code points.
 *
 *   cc -O1 -I<dir with imstb_truetype.h> tools/fonts/check_fonts.c -lm -o check_fonts
 *   ./check_fonts FONT.otf CODEPOINTS.txt
 *
 * CODEPOINTS.txt: one code point per line, hexadecimal, optionally followed by " blank" for
 * characters that have no ink (spaces). For each code point the glyph must exist
 * (stbtt_FindGlyphIndex != 0), and unless marked blank it must rasterise to at least one
 * non-zero pixel at 32 px. make_fonts.py compiles and runs this automatically when it can.
 * Exit status: 0 all good, 1 problems found, 2 usage / load error.
 */
#define STB_TRUETYPE_IMPLEMENTATION
#ifdef USE_SYSTEM_STB
#include <stb/stb_truetype.h>
#else
#include "imstb_truetype.h"
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned char* read_file(const char* path, long* size) {
    FILE* f = fopen(path, "rb");
    if (!f) return NULL;
    fseek(f, 0, SEEK_END);
    *size = ftell(f);
    fseek(f, 0, SEEK_SET);
    unsigned char* buf = (unsigned char*)malloc((size_t)*size);
    if (buf && fread(buf, 1, (size_t)*size, f) != (size_t)*size) { free(buf); buf = NULL; }
    fclose(f);
    return buf;
}

int main(int argc, char** argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s FONT CODEPOINTS.txt\n", argv[0]);
        return 2;
    }
    long size = 0;
    unsigned char* data = read_file(argv[1], &size);
    if (!data) { fprintf(stderr, "%s: cannot read\n", argv[1]); return 2; }
    if (stbtt_GetNumberOfFonts(data) != 1) { fprintf(stderr, "%s: expected exactly one font\n", argv[1]); return 2; }
    stbtt_fontinfo info;
    if (!stbtt_InitFont(&info, data, stbtt_GetFontOffsetForIndex(data, 0))) {
        fprintf(stderr, "%s: stbtt_InitFont failed\n", argv[1]);
        return 2;
    }
    int ascent, descent, gap;
    stbtt_GetFontVMetrics(&info, &ascent, &descent, &gap);
    float scale = stbtt_ScaleForPixelHeight(&info, 32.0f);

    FILE* cp = fopen(argv[2], "r");
    if (!cp) { fprintf(stderr, "%s: cannot read\n", argv[2]); return 2; }
    char line[128];
    int total = 0, missing = 0, empty = 0;
    while (fgets(line, sizeof line, cp)) {
        char* end = NULL;
        long c = strtol(line, &end, 16);
        if (end == line) continue;
        int blank = strstr(end, "blank") != NULL;
        ++total;
        int g = stbtt_FindGlyphIndex(&info, (int)c);
        if (g == 0) {
            if (missing < 20) printf("  missing U+%04lX\n", c);
            ++missing;
            continue;
        }
        if (blank) continue;
        int w = 0, h = 0, xo = 0, yo = 0;
        unsigned char* bm = stbtt_GetGlyphBitmap(&info, scale, scale, g, &w, &h, &xo, &yo);
        int ink = 0;
        for (int i = 0; bm && i < w * h; ++i) ink |= bm[i];
        stbtt_FreeBitmap(bm, NULL);
        if (!ink) {
            if (empty < 20) printf("  no ink U+%04lX (glyph %d)\n", c, g);
            ++empty;
        }
    }
    fclose(cp);
    printf("%s: %d code points, %d glyphs in font, ascent %d descent %d gap %d: %d missing, %d without ink\n",
           argv[1], total, info.numGlyphs, ascent, descent, gap, missing, empty);
    free(data);
    return (missing || empty) ? 1 : 0;
}
