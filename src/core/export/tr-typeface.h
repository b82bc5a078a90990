/* tr-typeface.h: the Traditional Chinese face documents are set in
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The first installed of 標楷體 (DFKai-SB), TW-Kai (全字庫正楷體, its free
 * equivalent), AR PL UKai TW and Noto Serif CJK TC, as fontconfig finds
 * them for zh-TW text; when none is, the face fontconfig gives serif text
 * in zh-TW. Never a Japanese or Simplified Chinese face when a Traditional
 * one is there: the same code points have other glyph shapes in those.
 * Looked up once per process; thread-safe. */
const char          *tr_typeface_get_family    (void);
/* The family, then the other installed faces of that list (and TW-Kai's
 * companions for the rarer characters), best first: for the characters
 * the family lacks. */
const char * const  *tr_typeface_get_families  (void);
/* TRUE when the family has a real bold face. Kai faces have none: bold
 * text is then drawn heavier by the renderer, as word processors do. */
gboolean             tr_typeface_has_bold      (void);

G_END_DECLS
