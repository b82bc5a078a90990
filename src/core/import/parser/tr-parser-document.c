/* tr-parser-document.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-document.h"

#include <math.h>
#include <string.h>

#include "tr-parser-text.h"
#include "tr-text.h"

#define DEFAULT_FONT_SIZE   12.0
#define DEFAULT_PAGE_HEIGHT 842.0

/* Geometry comes from the PDF: keep it finite and within reason. */
static double
finite_or (double value,
           double fallback)
{
  return isfinite (value) ? CLAMP (value, -1e6, 1e6) : fallback;
}

static void
add_line (TrParserDocument   *self,
          const TrLayoutLine *source)
{
  g_autofree char *text = tr_text_clean (source->text, FALSE);
  TrParserLine line = { 0 };
  glong n_chars = g_utf8_strlen (text, -1);
  glong n_leading = 0, n_trailing = 0;
  double x, width;

  line.text = tr_parser_trim (text);
  if (line.text[0] == '\0')
    {
      g_free (line.text);
      return;
    }

  for (const char *p = text; *p != '\0' && tr_parser_is_space (g_utf8_get_char (p));
       p = g_utf8_next_char (p))
    n_leading++;
  n_trailing = n_chars - n_leading - g_utf8_strlen (line.text, -1);

  line.page = source->page;
  line.font_size = finite_or (source->font_size, 0) > 0 ? source->font_size : DEFAULT_FONT_SIZE;
  line.bold = source->bold;
  line.y = finite_or (source->y, 0);
  line.height = finite_or (source->height, 0) > 0 ? source->height : line.font_size;
  line.page_height = finite_or (source->page_height, 0) > 0 ? source->page_height : DEFAULT_PAGE_HEIGHT;
  x = finite_or (source->x, 0);
  width = finite_or (source->width, 0);
  /* Lines made without geometry: as wide as their characters. */
  if (width <= 0)
    width = n_chars * line.font_size;

  /* Spaces around the text do not count as where it starts or ends. */
  line.left = x + width * n_leading / n_chars;
  line.right = x + width * (n_chars - n_trailing) / n_chars;
  line.role = TR_LINE_TEXT;
  line.n_cells = 1;
  for (const char *p = line.text; *p != '\0'; p++)
    line.n_cells += *p == '\t';
  /* Cleaning may have taken a cell away: then where they start is unknown. */
  if (source->cell_x != NULL && source->n_cells == line.n_cells)
    {
      line.cell_x = g_new (double, line.n_cells);
      for (guint c = 0; c < line.n_cells; c++)
        line.cell_x[c] = finite_or (source->cell_x[c], 0);
    }

  g_array_append_val (self->lines, line);
}

static void
clear_line (gpointer data)
{
  TrParserLine *line = data;

  g_free (line->text);
  g_free (line->cell_x);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

typedef struct {
  gint64 key;
  double weight;
} Bin;

static int
compare_bins (gconstpointer a,
              gconstpointer b)
{
  gint64 x = ((const Bin *) a)->key, y = ((const Bin *) b)->key;

  return (x > y) - (x < y);
}

/* The most frequent value of @values (rounded to @step), each counted with
 * its weight (or 1); the smallest such value on a tie. */
static double
mode (GArray *values,
      GArray *weights,
      double  step)
{
  g_autoptr(GArray) bins = g_array_sized_new (FALSE, FALSE, sizeof (Bin), values->len);
  double best = 0, best_weight = -1;

  for (guint i = 0; i < values->len; i++)
    {
      Bin bin;

      bin.key = (gint64) floor (g_array_index (values, double, i) / step + 0.5);
      bin.weight = weights != NULL ? g_array_index (weights, double, i) : 1;
      g_array_append_val (bins, bin);
    }
  g_array_sort (bins, compare_bins);

  for (guint i = 0; i < bins->len;)
    {
      gint64 key = g_array_index (bins, Bin, i).key;
      double weight = 0;

      for (; i < bins->len && g_array_index (bins, Bin, i).key == key; i++)
        weight += g_array_index (bins, Bin, i).weight;
      if (weight > best_weight)
        {
          best_weight = weight;
          best = key * step;
        }
    }
  return best;
}

static gboolean
is_body_line (TrParserDocument   *self,
              const TrParserLine *line)
{
  return fabs (line->font_size - self->body_font_size) < 1.0;
}

static void
measure (TrParserDocument *self)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) weights = g_array_new (FALSE, FALSE, sizeof (double));
  double bold_chars = 0, all_chars = 0;
  guint starts = 0, indented_starts = 0, indented_after_stop = 0;

  if (self->lines->len == 0)
    {
      self->body_font_size = DEFAULT_FONT_SIZE;
      return;
    }

  /* The body size: the one most characters are set in. */
  for (guint i = 0; i < self->lines->len; i++)
    {
      TrParserLine *line = tr_parser_document_get (self, i);
      double n = g_utf8_strlen (line->text, -1);

      g_array_append_val (values, line->font_size);
      g_array_append_val (weights, n);
    }
  self->body_font_size = mode (values, weights, 0.5);
  g_array_set_size (values, 0);
  g_array_set_size (weights, 0);

  for (guint i = 0; i < self->lines->len; i++)
    {
      TrParserLine *line = tr_parser_document_get (self, i);
      double n = g_utf8_strlen (line->text, -1);

      if (!is_body_line (self, line))
        continue;
      all_chars += n;
      if (line->bold)
        bold_chars += n;
    }
  self->body_is_bold = all_chars > 0 && bold_chars / all_chars > 0.5;

  /* The leading: the usual step from one body line to the next. */
  for (guint i = 1; i < self->lines->len; i++)
    {
      TrParserLine *a = tr_parser_document_get (self, i - 1);
      TrParserLine *b = tr_parser_document_get (self, i);
      double gap = b->y - a->y;

      if (a->page == b->page && is_body_line (self, a) && is_body_line (self, b) &&
          gap > 0.5 * a->font_size && gap < 6 * a->font_size)
        g_array_append_val (values, gap);
    }
  self->leading = values->len >= 3 ? mode (values, NULL, 0.5) : 0;
  g_array_set_size (values, 0);

  for (guint i = 0; i < self->lines->len; i++)
    {
      TrParserLine *line = tr_parser_document_get (self, i);

      if (is_body_line (self, line))
        g_array_append_val (values, line->left);
    }
  self->left_margin = values->len > 0 ? mode (values, NULL, 1.0) : 0;

  /* Full lines end at the right margin; most body lines are full, so a
   * high percentile finds it without being thrown by a few wide rows. */
  g_array_set_size (values, 0);
  for (guint i = 0; i < self->lines->len; i++)
    {
      TrParserLine *line = tr_parser_document_get (self, i);

      if (is_body_line (self, line))
        g_array_append_val (values, line->right);
    }
  if (values->len > 0)
    {
      g_array_sort (values, compare_doubles);
      /* Too few lines for a percentile: the longest then. */
      self->right_margin = g_array_index (values, double, values->len < 10 ? values->len - 1
                                                                             : (guint) ((values->len - 1) * 0.9));
    }

  /* First-line indents: the lines after a sentence that are indented,
   * and among those after a line that clearly ends a paragraph (short and
   * closing a sentence) most are. */
  for (guint i = 1; i < self->lines->len; i++)
    {
      TrParserLine *a = tr_parser_document_get (self, i - 1);
      TrParserLine *b = tr_parser_document_get (self, i);
      gboolean indented;

      if (!is_body_line (self, a) || !is_body_line (self, b) || !tr_parser_ends_sentence (a->text) ||
          g_utf8_strlen (b->text, -1) < 4)
        continue;
      indented = tr_parser_line_is_indented (self, b);
      indented_after_stop += indented;
      if (a->right > self->right_margin - 2 * a->font_size)
        continue;
      starts++;
      indented_starts += indented;
    }
  self->indented_paragraphs = indented_after_stop >= 2 && indented_starts >= 0.6 * starts;
}

TrParserDocument *
tr_parser_document_new (GPtrArray *lines)
{
  TrParserDocument *self = g_new0 (TrParserDocument, 1);
  guint page = G_MAXUINT, rank = 0, page_start = 0;

  self->lines = g_array_sized_new (FALSE, TRUE, sizeof (TrParserLine), lines != NULL ? lines->len : 0);
  g_array_set_clear_func (self->lines, clear_line);

  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      const TrLayoutLine *source = g_ptr_array_index (lines, i);

      if (source != NULL)
        add_line (self, source);
    }

  /* Positions on the page, for telling headers and footers. */
  for (guint i = 0; i <= self->lines->len; i++)
    {
      TrParserLine *line = i < self->lines->len ? tr_parser_document_get (self, i) : NULL;

      if (line == NULL || line->page != page)
        {
          gboolean placed = FALSE;

          /* Lines made without geometry all sit at the same height. */
          for (guint j = page_start + 1; j < i; j++)
            if (tr_parser_document_get (self, j)->y != tr_parser_document_get (self, page_start)->y)
              placed = TRUE;
          for (guint j = page_start; j < i; j++)
            {
              tr_parser_document_get (self, j)->rank_from_end = i - 1 - j;
              tr_parser_document_get (self, j)->placed = placed;
            }
          if (line == NULL)
            break;
          page = line->page;
          page_start = i;
          rank = 0;
        }
      line->rank = rank++;
    }

  measure (self);
  return self;
}

void
tr_parser_document_free (TrParserDocument *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->lines);
  g_free (self);
}

static gboolean
is_content (const TrParserLine *line)
{
  return line->role != TR_LINE_FURNITURE && line->role != TR_LINE_NOTE;
}

int
tr_parser_document_next_content (TrParserDocument *self,
                                 int               index)
{
  for (int i = index + 1; i < (int) self->lines->len; i++)
    if (is_content (tr_parser_document_get (self, i)))
      return i;
  return -1;
}

int
tr_parser_document_prev_content (TrParserDocument *self,
                                 int               index)
{
  for (int i = MIN (index, (int) self->lines->len) - 1; i >= 0; i--)
    if (is_content (tr_parser_document_get (self, i)))
      return i;
  return -1;
}

gboolean
tr_parser_line_looks_like_heading (TrParserDocument   *self,
                                   const TrParserLine *line)
{
  return line->font_size >= self->body_font_size * 1.15 ||
         (line->bold && !self->body_is_bold);
}

gboolean
tr_parser_line_is_indented (TrParserDocument   *self,
                            const TrParserLine *line)
{
  return line->left > self->left_margin + 0.9 * line->font_size;
}
