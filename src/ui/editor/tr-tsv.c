/* tr-tsv.c
 *
 * Spreadsheets copy a range as text the way they write a tab-separated
 * file: a cell is quoted only when it needs to be, so a quote in the
 * middle of a cell, or at the start of one never closed, is plain text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-tsv.h"

/* The length of a line break at @p: 2 for \r\n, 1 for \n or \r, else 0. */
static gsize
line_break_length (const char *p)
{
  if (p[0] == '\r' && p[1] == '\n')
    return 2;
  return p[0] == '\n' || p[0] == '\r' ? 1 : 0;
}

/* The end of the quoted cell that starts at @p (its opening quote): the
 * place after its closing quote, or NULL when there is none. */
static const char *
quoted_end (const char *p)
{
  for (p++; *p != '\0'; p++)
    if (*p == '"')
      {
        if (p[1] != '"')
          return p + 1;
        p++;
      }
  return NULL;
}

/* Appends the quoted cell [@start, @end) to @cell: without its quotes,
 * "" as ", line breaks as \n. */
static void
append_unquoted (GString    *cell,
                 const char *start,
                 const char *end)
{
  for (const char *p = start + 1; p < end - 1; p++)
    {
      gsize line_break = line_break_length (p);

      if (line_break > 0)
        {
          g_string_append_c (cell, '\n');
          p += line_break - 1;
        }
      else
        {
          g_string_append_c (cell, *p);
          if (*p == '"')
            p++;
        }
    }
}

static void
end_row (GPtrArray *rows,
         GPtrArray *cells)
{
  g_ptr_array_add (cells, NULL);
  g_ptr_array_add (rows, g_ptr_array_steal (cells, NULL));
}

GPtrArray *
tr_tsv_parse (const char *text)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GPtrArray) cells = g_ptr_array_new ();
  g_autoptr(GString) cell = g_string_new (NULL);
  const char *p = text;

  g_return_val_if_fail (text != NULL, rows);

  if (*p == '\0')
    return rows;
  for (;;)
    {
      const char *end = *p == '"' ? quoted_end (p) : NULL;
      gsize line_break;

      /* A cell: quoted up to its closing quote, and whatever follows
       * that up to the next tab or line break, as a spreadsheet reads it. */
      if (end != NULL)
        {
          append_unquoted (cell, p, end);
          p = end;
        }
      while (*p != '\0' && *p != '\t' && line_break_length (p) == 0)
        g_string_append_c (cell, *p++);
      g_ptr_array_add (cells, g_strdup (cell->str));
      g_string_truncate (cell, 0);

      if (*p == '\t')
        {
          p++;
          continue;
        }
      end_row (rows, cells);
      if (*p == '\0')
        break;
      line_break = line_break_length (p);
      p += line_break;
      if (*p == '\0')
        break;
    }
  return rows;
}
