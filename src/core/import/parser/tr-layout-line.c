/* tr-layout-line.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-layout-line.h"

#define A4_WIDTH        595.0
#define A4_HEIGHT       842.0
#define PLAIN_MARGIN     72.0
#define PLAIN_FONT_SIZE  12.0
#define PLAIN_LEADING    18.0

G_DEFINE_BOXED_TYPE (TrLayoutLine, tr_layout_line, tr_layout_line_copy, tr_layout_line_free)

TrLayoutLine *
tr_layout_line_new (const char *text,
                    guint       page)
{
  TrLayoutLine *line = g_new0 (TrLayoutLine, 1);

  line->text = g_strdup (text != NULL ? text : "");
  line->page = page;
  line->page_width = A4_WIDTH;
  line->page_height = A4_HEIGHT;
  line->font_size = PLAIN_FONT_SIZE;
  return line;
}

TrLayoutLine *
tr_layout_line_copy (const TrLayoutLine *line)
{
  TrLayoutLine *copy;

  g_return_val_if_fail (line != NULL, NULL);

  copy = g_memdup2 (line, sizeof *line);
  copy->text = g_strdup (line->text);
  copy->cell_x = line->cell_x != NULL ? g_memdup2 (line->cell_x, line->n_cells * sizeof (double)) : NULL;
  return copy;
}

void
tr_layout_line_free (TrLayoutLine *line)
{
  if (line == NULL)
    return;
  g_free (line->text);
  g_free (line->cell_x);
  g_free (line);
}

void
tr_layout_line_set_cell_x (TrLayoutLine *line,
                           const double *cell_x,
                           guint         n_cells)
{
  g_return_if_fail (line != NULL);

  g_clear_pointer (&line->cell_x, g_free);
  line->n_cells = 0;
  if (cell_x == NULL || n_cells == 0)
    return;
  line->cell_x = g_memdup2 (cell_x, n_cells * sizeof (double));
  line->n_cells = n_cells;
}

GPtrArray *
tr_layout_lines_from_text (const char *text)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  g_autofree char *valid = NULL;
  g_auto(GStrv) pages = NULL;

  g_return_val_if_fail (text != NULL, lines);

  /* The text may come from anywhere (a fuzzer, a file): lengths below are
   * counted in characters, which needs valid UTF-8. */
  valid = g_utf8_make_valid (text, -1);
  pages = g_strsplit (valid, "\f", -1);
  for (guint page = 0; pages[page] != NULL; page++)
    {
      g_auto(GStrv) page_lines = g_strsplit (pages[page], "\n", -1);
      double y = PLAIN_MARGIN;

      for (guint i = 0; page_lines[i] != NULL; i++, y += PLAIN_LEADING)
        {
          TrLayoutLine *line;

          if (page_lines[i][0] == '\0')
            continue;
          line = tr_layout_line_new (page_lines[i], page);
          line->x = PLAIN_MARGIN;
          line->y = y;
          line->height = PLAIN_FONT_SIZE;
          line->width = g_utf8_strlen (page_lines[i], -1) * PLAIN_FONT_SIZE;
          g_ptr_array_add (lines, line);
        }
    }
  return lines;
}
