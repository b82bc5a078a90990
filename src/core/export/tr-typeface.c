/* tr-typeface.c: picking the Traditional Chinese face through fontconfig
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <fontconfig/fontconfig.h>

#include "tr-typeface.h"

#define LANGUAGE "zh-tw"

/* Best first. 標楷體 is the official face (Windows' DFKai-SB). */
static const char * const preferred[] = {
  "標楷體", "DFKai-SB", "TW-Kai", "AR PL UKai TW", "Noto Serif CJK TC",
};

/* Faces that carry what a preferred one leaves out (CJK extension B and
 * the planes beyond), after it in the fallbacks. */
static const struct {
  const char *family;
  const char *companion;
} companions[] = {
  { "TW-Kai", "TW-Kai-Ext-B" },
  { "TW-Kai", "TW-Kai-Plus" },
};

typedef struct {
  char     *family;
  GStrv     families;
  gboolean  has_bold;
} Typeface;

/* TRUE when a face of @family is installed that covers zh-TW; with
 * @bold, a bold one. */
static gboolean
is_installed (const char *family,
              gboolean    bold)
{
  FcPattern *pattern = FcPatternCreate ();
  FcObjectSet *objects = FcObjectSetBuild (FC_LANG, NULL);
  FcFontSet *fonts;
  gboolean found = FALSE;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) family);
  if (bold)
    FcPatternAddInteger (pattern, FC_WEIGHT, FC_WEIGHT_BOLD);
  fonts = FcFontList (NULL, pattern, objects);
  for (int i = 0; fonts != NULL && i < fonts->nfont && !found; i++)
    {
      FcLangSet *languages = NULL;

      found = FcPatternGetLangSet (fonts->fonts[i], FC_LANG, 0, &languages) == FcResultMatch &&
              FcLangSetHasLang (languages, (const FcChar8 *) LANGUAGE) != FcLangDifferentLang;
    }
  if (fonts != NULL)
    FcFontSetDestroy (fonts);
  FcObjectSetDestroy (objects);
  FcPatternDestroy (pattern);
  return found;
}

/* What fontconfig gives serif text in zh-TW. */
static char *
match_serif (void)
{
  FcPattern *pattern = FcPatternCreate ();
  FcPattern *match;
  FcResult result;
  FcChar8 *family = NULL;
  char *name = NULL;

  FcPatternAddString (pattern, FC_FAMILY, (const FcChar8 *) "serif");
  FcPatternAddString (pattern, FC_LANG, (const FcChar8 *) LANGUAGE);
  FcConfigSubstitute (NULL, pattern, FcMatchPattern);
  FcDefaultSubstitute (pattern);
  match = FcFontMatch (NULL, pattern, &result);
  if (match != NULL && FcPatternGetString (match, FC_FAMILY, 0, &family) == FcResultMatch)
    name = g_strdup ((const char *) family);
  if (match != NULL)
    FcPatternDestroy (match);
  FcPatternDestroy (pattern);
  return name != NULL ? name : g_strdup ("serif");
}

static gpointer
look_up (gpointer data)
{
  Typeface *typeface = g_new0 (Typeface, 1);
  g_autoptr(GStrvBuilder) families = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (preferred); i++)
    {
      if (!is_installed (preferred[i], FALSE))
        continue;
      /* 標楷體 and DFKai-SB are one face under two names. */
      if (typeface->family != NULL && g_str_equal (preferred[i], "DFKai-SB") &&
          g_str_equal (typeface->family, "標楷體"))
        continue;
      if (typeface->family == NULL)
        typeface->family = g_strdup (preferred[i]);
      g_strv_builder_add (families, preferred[i]);
      for (guint j = 0; j < G_N_ELEMENTS (companions); j++)
        if (g_str_equal (companions[j].family, preferred[i]) && is_installed (companions[j].companion, FALSE))
          g_strv_builder_add (families, companions[j].companion);
    }
  if (typeface->family == NULL)
    {
      typeface->family = match_serif ();
      g_message ("None of the Traditional Chinese faces documents are set in is installed "
                 "(TW-Kai is in fonts-cns11643-kai): using %s", typeface->family);
      g_strv_builder_add (families, typeface->family);
    }
  typeface->families = g_strv_builder_end (families);
  typeface->has_bold = is_installed (typeface->family, TRUE);
  g_debug ("Documents are set in %s", typeface->family);
  return typeface;
}

static Typeface *
get_typeface (void)
{
  static GOnce once = G_ONCE_INIT;

  return g_once (&once, look_up, NULL);
}

const char *
tr_typeface_get_family (void)
{
  return get_typeface ()->family;
}

const char * const *
tr_typeface_get_families (void)
{
  return (const char * const *) get_typeface ()->families;
}

gboolean
tr_typeface_has_bold (void)
{
  return get_typeface ()->has_bold;
}
