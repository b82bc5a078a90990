/* tr-parser-title.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-title.h"

#include <math.h>
#include <string.h>

#include "tr-parser-furniture.h"
#include "tr-parser-text.h"

/* A title is set at least this much larger than the body text, over at
 * most so many lines and characters. */
#define TITLE_SIZE_RATIO  1.2
#define MAX_TITLE_LINES   4
#define MAX_TITLE_CHARS   120
#define MAX_LINE_CHARS    60
/* Lines of one title follow each other at most this many sizes apart, at
 * a pitch even to this fraction. */
#define MAX_PITCH_SIZES   2.2
#define PITCH_TOLERANCE   0.15
/* The top of a page, where a running header is. */
#define HEADER_FRACTION   0.15
/* A header shorter than this, without words that name a trip, is more
 * likely the agency's name ("國家發展委員會出國報告") than a title. */
#define SHORT_HEADER_CHARS 14

/* 「出國報告」, 「出國報告（出國類別：考察）」, 「公務出國報告」: the kind of
 * document, not its title. @with_category is set for the bracketed form,
 * which never belongs to a title. */
static gboolean
is_kind_line (const char *text,
              gboolean   *with_category)
{
  g_autofree char *compact = tr_parser_compact (text);
  const char *rest = compact;

  *with_category = FALSE;
  if (g_str_has_prefix (rest, "公務"))
    rest += strlen ("公務");
  if (!g_str_has_prefix (rest, "出國報告"))
    return FALSE;
  rest += strlen ("出國報告");
  if (g_str_has_prefix (rest, "書"))
    rest += strlen ("書");
  if (*rest == '\0')
    return TRUE;
  *with_category = g_str_has_prefix (rest, "（") || *rest == '(';
  return *with_category;
}

static gboolean
is_eligible (TrParserDocument  *document,
             const TrFrontLine *front,
             guint              first_page)
{
  const TrParserLine *line = tr_parser_document_get (document, front->index);
  glong length = g_utf8_strlen (line->text, -1);

  return line->role == TR_LINE_TEXT && !front->labelled && line->page <= first_page + 1 &&
         length >= 2 && length <= MAX_LINE_CHARS && !tr_parser_is_page_number (line->text) &&
         !g_str_has_prefix (line->text, "中華民國");
}

typedef struct {
  guint  first;     /* in the front lines */
  guint  n;
  double size;
  guint  page;
} Block;

static const TrParserLine *
front_line (TrParserDocument  *document,
            const TrFrontLine *lines,
            guint              i)
{
  return tr_parser_document_get (document, lines[i].index);
}

/* Whether front line @i carries on the block that ends with line @i - 1. */
static gboolean
continues_block (TrParserDocument  *document,
                 const TrFrontLine *lines,
                 const Block       *block,
                 guint              i)
{
  const TrParserLine *prev = front_line (document, lines, i - 1);
  const TrParserLine *line = front_line (document, lines, i);
  double pitch = line->y - prev->y;

  if (tr_parser_document_next_content (document, (int) lines[i - 1].index) != (int) lines[i].index ||
      line->page != prev->page || fabs (line->font_size - block->size) >= 0.5 ||
      pitch <= 0 || pitch > MAX_PITCH_SIZES * line->font_size)
    return FALSE;
  if (block->n >= 2)
    {
      double first_pitch = front_line (document, lines, block->first + 1)->y -
                           front_line (document, lines, block->first)->y;

      return fabs (pitch - first_pitch) <= PITCH_TOLERANCE * first_pitch;
    }
  return TRUE;
}

/* Leaves out a 出國報告（出國類別：…） line at either end; FALSE when
 * nothing but kind lines is left. */
static gboolean
trim_block (TrParserDocument  *document,
            const TrFrontLine *lines,
            Block             *block)
{
  gboolean with_category;

  while (block->n > 0 && is_kind_line (front_line (document, lines, block->first)->text, &with_category) &&
         (with_category || block->n == 1))
    block->first++, block->n--;
  while (block->n > 0 && is_kind_line (front_line (document, lines, block->first + block->n - 1)->text, &with_category) &&
         (with_category || block->n == 1))
    block->n--;
  return block->n > 0;
}

static char *
block_text (TrParserDocument  *document,
            const TrFrontLine *lines,
            const Block       *block)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = block->first; i < block->first + block->n; i++)
    tr_parser_append_continuation (text, front_line (document, lines, i)->text);
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
could_be_title (const char *text,
                guint       n_lines)
{
  return n_lines <= MAX_TITLE_LINES && g_utf8_strlen (text, -1) <= MAX_TITLE_CHARS &&
         tr_parser_last_char (text) != 0x3002 /* 。 */;
}

char *
tr_parser_find_cover_title (TrParserDocument *document,
                            TrFrontLine      *lines,
                            guint             n_lines)
{
  g_autoptr(GArray) blocks = g_array_new (FALSE, FALSE, sizeof (Block));
  const Block *best = NULL;
  g_autofree char *best_text = NULL;
  guint first_page;
  int first_labelled = -1;
  gboolean with_category;

  if (n_lines == 0)
    return NULL;
  first_page = front_line (document, lines, 0)->page;

  for (guint i = 0; i < n_lines; i++)
    {
      Block *last = blocks->len > 0 ? &g_array_index (blocks, Block, blocks->len - 1) : NULL;

      if (lines[i].labelled && first_labelled < 0 && front_line (document, lines, i)->page == first_page &&
          !is_kind_line (front_line (document, lines, i)->text, &with_category))
        first_labelled = (int) i;
      if (!is_eligible (document, &lines[i], first_page))
        continue;
      if (last != NULL && last->first + last->n == i && continues_block (document, lines, last, i))
        last->n++;
      else
        {
          const TrParserLine *line = front_line (document, lines, i);
          Block block = { i, 1, line->font_size, line->page };

          g_array_append_val (blocks, block);
        }
    }

  /* The largest lines on the cover, when they stand out. */
  for (guint b = 0; b < blocks->len; b++)
    {
      Block *block = &g_array_index (blocks, Block, b);
      g_autofree char *text = NULL;

      if (block->size < TITLE_SIZE_RATIO * document->body_font_size || !trim_block (document, lines, block))
        continue;
      text = block_text (document, lines, block);
      if (!could_be_title (text, block->n) || (best != NULL && block->size <= best->size + 0.5))
        continue;
      best = block;
      g_free (best_text);
      best_text = g_steal_pointer (&text);
    }

  /* A cover all in one size: what comes just before its fields. */
  if (best == NULL && first_labelled >= 0)
    for (guint b = 0; b < blocks->len; b++)
      {
        Block *block = &g_array_index (blocks, Block, b);
        g_autofree char *text = NULL;

        if (block->page != first_page || (int) block->first > first_labelled ||
            !trim_block (document, lines, block))
          continue;
        text = block_text (document, lines, block);
        if (!could_be_title (text, block->n))
          continue;
        best = block;
        g_free (best_text);
        best_text = g_steal_pointer (&text);
      }

  if (best == NULL)
    return NULL;
  for (guint i = best->first; i < best->first + best->n; i++)
    lines[i].used = TRUE;
  return g_steal_pointer (&best_text);
}

/* A running header's text without its page number: "第 3 頁" or "- 3 -"
 * in a cell of its own (the reader puts tabs between cells). */
static char *
header_text (const TrParserLine *line)
{
  g_auto(GStrv) cells = g_strsplit (line->text, "\t", -1);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; cells[i] != NULL; i++)
    {
      g_autofree char *cell = tr_parser_trim (cells[i]);

      if (*cell == '\0' || tr_parser_is_page_number (cell))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, cell);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static gboolean
names_a_trip (const char *text)
{
  static const char * const words[] = {
    "赴", "參加", "出席", "考察", "研習", "參訪", "訪問", "會議", "論壇", "研討", "峰會", "計畫", "交流",
    "進修", "實習", "訓練", "洽展", "展覽",
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (strstr (text, words[i]) != NULL)
      return TRUE;
  return FALSE;
}

char *
tr_parser_find_header_title (TrParserDocument *document)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer key, value;
  const char *best = NULL;
  guint best_count = 1;

  for (guint i = 0; i < document->lines->len; i++)
    {
      const TrParserLine *line = tr_parser_document_get (document, i);
      char *text;

      if (line->role != TR_LINE_FURNITURE ||
          !(line->placed ? line->y < HEADER_FRACTION * line->page_height : line->rank == 0))
        continue;
      text = header_text (line);
      if (*text == '\0')
        {
          g_free (text);
          continue;
        }
      g_hash_table_insert (counts, text, GUINT_TO_POINTER (GPOINTER_TO_UINT (g_hash_table_lookup (counts, text)) + 1));
    }

  g_hash_table_iter_init (&iter, counts);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (GPOINTER_TO_UINT (value) > best_count ||
        (GPOINTER_TO_UINT (value) == best_count && best != NULL && strcmp (key, best) < 0))
      {
        best = key;
        best_count = GPOINTER_TO_UINT (value);
      }

  if (best == NULL || g_utf8_strlen (best, -1) > MAX_TITLE_CHARS ||
      (g_utf8_strlen (best, -1) <= SHORT_HEADER_CHARS && !names_a_trip (best)))
    return NULL;
  return g_strdup (best);
}
