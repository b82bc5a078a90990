/* tr-parser-tables.c
 *
 * The reader separates the pieces of a line that stand apart with tabs:
 * the cells of a table row, ruled or not (tr-pdf-reader.c), with where
 * each starts. A table is a run of such rows one under the other, whose
 * cells fall into the same columns: a row may leave cells empty, and the
 * next line of a cell that wrapped may come as a line of its own under
 * its cell. A page break inside a table leaves nothing but furniture
 * between its rows (the repeated header row is furniture too), so the
 * table goes on across it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-parser-tables.h"
#include "tr-parser-text.h"

/* Rows further apart than this many font sizes (a photo between caption
 * rows, a paragraph's spacing) belong to different tables. */
#define MAX_ROW_GAP_EMS     4.0
/* A cell starts in a column when it starts no more than this many font
 * sizes left of the column's left edge (centred or right-aligned cells
 * start further right). */
#define COLUMN_SLACK_EMS    0.6
/* A table has a column of short cells (dates, names, places, figures):
 * at least this part of its cells no longer than this. Two columns of
 * running text have none. */
#define SHORT_CELL_CHARS    20
#define MIN_SHORT_PART      0.8
/* A header row: cells no longer than this, none a figure. */
#define HEADER_CELL_CHARS   12
/* A line of one cell within a table starts no further left than its first
 * column (in points): the text around a table starts at the margin, the
 * table's cells inside their padding. */
#define CELL_LINE_SLACK     1.0
/* Starts of the run tried for a table, from the longest. */
#define MAX_TRIES           64
/* A column: where cells of at least this part of the table's lines start. */
#define MIN_COLUMN_PART     0.3
/* The lines of one row are as far apart as lines of text (up to this
 * many times the document's leading); rows may be further apart, at
 * least this many times: then the steps tell the rows. */
#define WRAP_STEP_FACTOR    1.15
#define ROW_STEP_FACTOR     1.5
/* Where the boxes of the lines stand apart (none reaching more than this
 * many points into the next), gaps between rows are wider than those
 * between the lines of a cell by more than this many font sizes. */
#define OVERLAP_SLACK       0.5
#define GAP_TOLERANCE_EMS   0.2

typedef struct {
  TrParserDocument *document;
  GArray           *tables;
} Finder;

static gboolean
is_row (const TrParserLine *line)
{
  return line->role == TR_LINE_TEXT && line->n_cells >= 2 && line->n_cells <= TR_TABLE_MAX_COLUMNS;
}

/* "照片1：…", "圖 2 …": captions of pictures set side by side. */
static gboolean
is_picture_caption (const char *text)
{
  static const char * const words[] = { "照片", "圖", "相片", "Photo", "Figure", "Fig." };
  const char *p = tr_parser_skip_spaces (text);

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (p, words[i]))
      {
        gunichar c;

        p = tr_parser_skip_spaces (p + strlen (words[i]));
        c = g_utf8_get_char (p);
        return g_unichar_isdigit (c) || g_utf8_strchr ("一二三四五六七八九十", -1, c) != NULL;
      }
  return FALSE;
}

/* Whether @next may follow @previous in one table: close under it, or at
 * the top of the next page with nothing but furniture between. */
static gboolean
rows_adjacent (const TrParserLine *previous,
               const TrParserLine *next)
{
  double font_size = MAX (previous->font_size, 1);

  if (next->page != previous->page)
    return next->page == previous->page + 1;
  if (!previous->placed || !next->placed)
    return TRUE;
  return next->y > previous->y &&
         next->y - (previous->y + previous->height) <= MAX_ROW_GAP_EMS * font_size;
}

typedef struct {
  double x;
  int    line;
} Start;

static int
compare_starts (gconstpointer a,
                gconstpointer b)
{
  const Start *sa = a, *sb = b;

  return sa->x < sb->x ? -1 : sa->x > sb->x;
}

/* The columns' left edges: where the cells of many lines of the run
 * start (a centred header cell, or a word set letter by letter, starts
 * where no other does). Returns how many, 0 when the positions are not
 * known. */
static guint
find_columns (Finder    *self,
              const int *rows,
              guint      n_rows,
              double    *columns)
{
  g_autoptr(GArray) starts = g_array_new (FALSE, FALSE, sizeof (Start));
  double slack = 0;
  guint n_columns = 0, needed = MAX (2, (guint) (MIN_COLUMN_PART * n_rows));

  for (guint r = 0; r < n_rows; r++)
    {
      TrParserLine *line = tr_parser_document_get (self->document, rows[r]);

      if (line->n_cells > 1 && line->cell_x == NULL)
        return 0;
      slack = MAX (slack, COLUMN_SLACK_EMS * MAX (line->font_size, 1));
      for (guint c = 0; c < line->n_cells; c++)
        {
          Start start = { line->cell_x != NULL ? line->cell_x[c] : line->left, rows[r] };

          g_array_append_val (starts, start);
        }
    }
  g_array_sort (starts, compare_starts);
  for (guint i = 0; i < starts->len;)
    {
      Start *first = &g_array_index (starts, Start, i);
      g_autoptr(GHashTable) lines = g_hash_table_new (NULL, NULL);
      guint j = i;

      for (; j < starts->len && g_array_index (starts, Start, j).x - g_array_index (starts, Start, j > i ? j - 1 : j).x <= slack; j++)
        g_hash_table_add (lines, GINT_TO_POINTER (g_array_index (starts, Start, j).line));
      if (g_hash_table_size (lines) >= needed && n_columns < TR_TABLE_MAX_COLUMNS)
        columns[n_columns++] = first->x;
      i = j;
    }
  return n_columns;
}

/* The column a cell starting at @x is in. */
static guint
column_at (const double *columns,
           guint         n_columns,
           double        x,
           double        slack)
{
  guint c = 0;

  while (c + 1 < n_columns && columns[c + 1] <= x + slack)
    c++;
  return c;
}

/* Puts each cell of @line in its column (@out_columns; a word set letter
 * by letter may make several cells of one column, but a line of as many
 * cells as columns has one in each): FALSE when the line starts left of
 * the table. Without positions, cells go in order from
 * the first column. */
static gboolean
place_cells (const TrParserLine *line,
             const double       *columns,
             guint               n_columns,
             guint              *out_columns)
{
  double slack = COLUMN_SLACK_EMS * MAX (line->font_size, 1);
  gboolean collided = FALSE;

  if (columns == NULL)
    {
      if (line->n_cells > n_columns)
        return FALSE;
      for (guint c = 0; c < line->n_cells; c++)
        out_columns[c] = c;
      return TRUE;
    }
  for (guint c = 0; c < line->n_cells; c++)
    {
      double x = line->cell_x != NULL ? line->cell_x[c] : (c == 0 ? line->left : -1);

      if (x < 0 || x < columns[0] - slack)
        return FALSE;
      out_columns[c] = column_at (columns, n_columns, x, slack);
      if (c > 0 && out_columns[c] < out_columns[c - 1])
        return FALSE;
      collided |= c > 0 && out_columns[c] == out_columns[c - 1];
    }
  /* A row of a cell in each column whose cells start where the others'
   * do not (a header centred over figures set right): one to a column. */
  if (collided && line->n_cells == n_columns)
    for (guint c = 0; c < line->n_cells; c++)
      out_columns[c] = c;
  return TRUE;
}

static gboolean
has_digit (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    if (g_unichar_isdigit (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* "4822", "17.7%", "1,200": a figure, not a column's name. */
static gboolean
is_figure (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    if (!g_ascii_isdigit (*p) && strchr (".,%+-() ", *p) == NULL)
      return FALSE;
  return TRUE;
}

/* Whether the first row names the columns: repeated where the table goes
 * on to another page, set in bold over rows that are not, or short
 * words, none a figure, the first no date or number. */
static gboolean
first_row_is_header (Finder   *self,
                     TrTable  *table,
                     const int *rows)
{
  TrParserLine *first = tr_parser_document_get (self->document, rows[0]);
  TrParserLine *second = tr_parser_document_get (self->document, rows[1]);
  guint n_columns = tr_table_get_n_columns (table);
  gboolean short_words = TRUE;

  for (guint i = (guint) rows[0] + 1; i < self->document->lines->len; i++)
    {
      TrParserLine *line = tr_parser_document_get (self->document, i);

      if (line->role == TR_LINE_FURNITURE && line->page > first->page && g_str_equal (line->text, first->text))
        return TRUE;
    }
  if (first->bold && !second->bold)
    return TRUE;
  if (tr_table_get_n_rows (table) < 3)
    return FALSE;
  for (guint c = 0; c < n_columns; c++)
    {
      const char *cell = tr_table_get_cell (table, 0, c);

      if (*cell == '\0' || g_utf8_strlen (cell, -1) > HEADER_CELL_CHARS || is_figure (cell) ||
          (c == 0 && has_digit (cell)))
        short_words = FALSE;
    }
  return short_words;
}

/* A caption above the table: 「表1：參訪行程」, 「表 2 出國人員」. */
static char *
read_caption (const char *text)
{
  const char *p = tr_parser_skip_spaces (text);
  gboolean number = FALSE;

  if (!g_str_has_prefix (p, "表"))
    return NULL;
  p = tr_parser_skip_spaces (p + strlen ("表"));
  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isdigit (c) && g_utf8_strchr ("一二三四五六七八九十", -1, c) == NULL)
        break;
      number = TRUE;
      p = g_utf8_next_char (p);
    }
  if (!number)
    return NULL;
  p = tr_parser_skip_spaces (p);
  for (const char *sep = "：:、.．-－"; *sep != '\0'; sep = g_utf8_next_char (sep))
    if (g_utf8_get_char (p) == g_utf8_get_char (sep))
      {
        p = tr_parser_skip_spaces (g_utf8_next_char (p));
        break;
      }
  if (*p == '\0' || strchr (p, '\t') != NULL)
    return NULL;
  return tr_parser_trim (p);
}

/* The next line of a cell: Chinese wrapped anywhere, without a space
 * ("7月9" and "日下午"); Latin words as in a paragraph. */
static void
append_cell_line (GString    *cell,
                  const char *text)
{
  if (cell->len > 0 && *text != '\0' &&
      (tr_parser_is_cjk (tr_parser_last_char (cell->str)) || tr_parser_is_cjk (g_utf8_get_char (text))))
    g_string_append (cell, text);
  else
    tr_parser_append_continuation (cell, text);
}

static void
free_string (gpointer data)
{
  g_string_free (data, TRUE);
}

/* Makes a table of @rows (document lines; a line of one cell goes on the
 * cell of the row above that it sits under) if they read as one: NULL
 * otherwise. */
static TrTable *
make_table (Finder         *self,
            const int      *rows,
            const gboolean *wrapped,
            gboolean        spaced,
            guint           n_rows,
            guint           n_columns,
            const double   *columns)
{
  g_autoptr(TrTable) table = NULL;
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (free_string);
  guint placed[TR_TABLE_MAX_COLUMNS];
  guint n_table_rows = 0, n_full = 0;
  gboolean has_short_column = FALSE;

  for (guint r = 0; r < n_rows; r++)
    {
      TrParserLine *line = tr_parser_document_get (self->document, rows[r]);
      g_auto(GStrv) pieces = g_strsplit (line->text, "\t", -1);
      gboolean continuation;

      if (!place_cells (line, columns, n_columns, placed))
        return NULL;
      /* Where the spacing tells the rows, a line as close under the one
       * before as lines of one cell are goes on its row, any other starts
       * one; but a row the page break split (as Writer and Word allow)
       * goes on at the top of the next page without a first cell, and a
       * row of one cell across the first column is text between two
       * tables. Otherwise a line without a first cell goes on the row
       * above, and any row of one cell is text. */
      if (spaced)
        {
          continuation = n_table_rows > 0 &&
                         (wrapped[r] || (placed[0] > 0 && line->page != tr_parser_document_get (self->document, rows[r - 1])->page));
          if (line->n_cells == 1 && !continuation && columns != NULL && line->right > columns[1])
            return NULL;
        }
      else
        {
          continuation = n_table_rows > 0 && placed[0] > 0;
          if (line->n_cells == 1 && !continuation)
            return NULL;
        }
      if (!continuation)
        {
          for (guint c = 0; c < n_columns; c++)
            g_ptr_array_add (cells, g_string_new (NULL));
          n_table_rows++;
        }
      if (line->n_cells == n_columns)
        n_full++;
      for (guint c = 0; c < line->n_cells && pieces[c] != NULL; c++)
        {
          GString *cell = g_ptr_array_index (cells, (n_table_rows - 1) * n_columns + placed[c]);
          g_autofree char *text = tr_parser_trim (pieces[c]);

          append_cell_line (cell, text);
        }
    }

  if (n_table_rows < 2 || n_full < 2 || (n_table_rows < 3 && n_columns < 3))
    return NULL;

  for (guint c = 0; c < n_columns; c++)
    {
      guint n_cells = 0, n_short = 0, n_captions = 0;

      for (guint r = 0; r < n_table_rows; r++)
        {
          GString *cell = g_ptr_array_index (cells, r * n_columns + c);

          if (cell->len == 0)
            continue;
          n_cells++;
          n_short += g_utf8_strlen (cell->str, -1) <= SHORT_CELL_CHARS;
          n_captions += is_picture_caption (cell->str);
        }
      if (n_captions * 2 >= n_cells)
        return NULL;
      if (n_cells > 0 && n_short >= MIN_SHORT_PART * n_cells)
        has_short_column = TRUE;
    }
  if (!has_short_column)
    return NULL;

  table = tr_table_new (n_table_rows, n_columns);
  for (guint r = 0; r < n_table_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      tr_table_set_cell (table, r, c, ((GString *) g_ptr_array_index (cells, r * n_columns + c))->str);
  return g_steal_pointer (&table);
}

/* Whether @line, of one cell, may be a line of a cell of the table whose
 * last row is @row: within the table's width. Which cell it goes on is
 * told once the table's columns and rows are known (make_table()). */
static gboolean
is_cell_line (const TrParserLine *line,
              const TrParserLine *row)
{
  return line->role == TR_LINE_TEXT && line->n_cells == 1 && row->cell_x != NULL &&
         row->n_cells >= 2 && line->left >= row->cell_x[0] - CELL_LINE_SLACK;
}

/* Whether @line, of one cell, starts right of the first column of the
 * table whose last row is @row: a line of a later cell. */
static gboolean
is_split_row_line (const TrParserLine *line,
                   const TrParserLine *row)
{
  return row->cell_x != NULL && row->n_cells >= 2 &&
         line->left >= row->cell_x[1] - COLUMN_SLACK_EMS * MAX (line->font_size, 1);
}

/* find_wrapped_lines() where no line's box reaches into the next one's:
 * the white space between two boxes tells rows (cell padding, rules) from
 * the lines of one cell, whatever the number of lines the reader joined into one
 * (a ruled cell's lines come as one line, as tall as they are): the
 * least gap is between the lines of a cell, or there is no such line. */
static gboolean
find_wrapped_lines_by_gaps (TrParserDocument *document,
                            const int        *rows,
                            guint             n_rows,
                            gboolean         *out_wrapped)
{
  double least = G_MAXDOUBLE, tolerance = 0;
  gboolean spaced = FALSE;

  for (guint r = 1; r < n_rows; r++)
    {
      TrParserLine *above = tr_parser_document_get (document, rows[r - 1]);
      TrParserLine *line = tr_parser_document_get (document, rows[r]);

      if (line->page != above->page || !line->placed || !above->placed)
        continue;
      least = MIN (least, line->y - (above->y + above->height));
      tolerance = MAX (tolerance, GAP_TOLERANCE_EMS * MAX (line->font_size, 1));
    }
  if (least == G_MAXDOUBLE)
    return FALSE;
  for (guint r = 1; r < n_rows; r++)
    {
      TrParserLine *above = tr_parser_document_get (document, rows[r - 1]);
      TrParserLine *line = tr_parser_document_get (document, rows[r]);

      if (line->page == above->page && line->placed && above->placed &&
          line->y - (above->y + above->height) > least + tolerance)
        spaced = TRUE;
    }
  if (!spaced)
    return FALSE;
  for (guint r = 1; r < n_rows; r++)
    {
      TrParserLine *above = tr_parser_document_get (document, rows[r - 1]);
      TrParserLine *line = tr_parser_document_get (document, rows[r]);

      out_wrapped[r] = line->page == above->page && line->placed && above->placed &&
                       line->y - (above->y + above->height) <= least + tolerance;
    }
  return TRUE;
}

/* Marks in @out_wrapped the lines that go on the row above: in a table
 * whose rows stand further apart than lines of text (padding, rules),
 * the lines as close under the line before as lines of text are. A cell
 * may be set lower than its neighbours (centred vertically): its lines
 * come between theirs. Returns whether the rows are told so. Where the
 * boxes of the lines overlap (a producer's inflated font size), by the
 * steps from one line's top to the next. */
static gboolean
find_wrapped_lines (TrParserDocument *document,
                    const int        *rows,
                    guint             n_rows,
                    gboolean         *out_wrapped)
{
  double least = G_MAXDOUBLE, pitch;
  gboolean spaced = FALSE, boxes_apart = TRUE;

  for (guint r = 1; r < n_rows; r++)
    {
      TrParserLine *above = tr_parser_document_get (document, rows[r - 1]);
      TrParserLine *line = tr_parser_document_get (document, rows[r]);

      if (line->page == above->page && line->placed && above->placed &&
          line->y - (above->y + above->height) < -OVERLAP_SLACK)
        boxes_apart = FALSE;
    }
  if (boxes_apart)
    return find_wrapped_lines_by_gaps (document, rows, n_rows, out_wrapped);

  for (guint r = 1; r < n_rows; r++)
    {
      TrParserLine *above = tr_parser_document_get (document, rows[r - 1]);
      TrParserLine *line = tr_parser_document_get (document, rows[r]);

      if (line->page == above->page && line->placed && line->y > above->y)
        least = MIN (least, line->y - above->y);
    }
  if (least == G_MAXDOUBLE)
    return FALSE;
  pitch = WRAP_STEP_FACTOR * MAX (least, document->leading);
  for (guint r = 1; r < n_rows; r++)
    {
      TrParserLine *above = tr_parser_document_get (document, rows[r - 1]);
      TrParserLine *line = tr_parser_document_get (document, rows[r]);

      if (line->page == above->page && line->y - above->y > ROW_STEP_FACTOR / WRAP_STEP_FACTOR * pitch)
        spaced = TRUE;
    }
  if (!spaced)
    return FALSE;
  for (guint r = 1; r < n_rows; r++)
    {
      TrParserLine *above = tr_parser_document_get (document, rows[r - 1]);
      TrParserLine *line = tr_parser_document_get (document, rows[r]);

      out_wrapped[r] = line->page == above->page && line->placed && line->y > above->y &&
                       line->y - above->y <= pitch;
    }
  return TRUE;
}

/* Tries a table from content line @start; returns the last line it took,
 * or -1 when none starts there. */
static int
try_table (Finder *self,
           int     start)
{
  TrParserDocument *document = self->document;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (int));
  TrParserLine *first = tr_parser_document_get (document, start);
  TrParserLine *last_row = first;
  guint n_columns = 0;
  double columns[TR_TABLE_MAX_COLUMNS];
  gboolean positioned;
  g_autofree gboolean *wrapped = NULL;
  gboolean spaced;

  if (!is_row (first))
    return -1;
  g_array_append_val (rows, start);
  for (int i = tr_parser_document_next_content (document, start); i >= 0;
       i = tr_parser_document_next_content (document, i))
    {
      TrParserLine *line = tr_parser_document_get (document, i);
      TrParserLine *previous = tr_parser_document_get (document, g_array_index (rows, int, rows->len - 1));

      if (!rows_adjacent (previous, line) || rows->len >= TR_TABLE_MAX_ROWS)
        break;
      if (is_row (line))
        last_row = line;
      /* A cell's next line at the top of the next page is told from the
       * text after the table when it is not in the first column (a row
       * the page break split); a table does not end in such a line. */
      else if (!is_cell_line (line, last_row) ||
               (line->page != previous->page && !is_split_row_line (line, last_row)))
        break;
      g_array_append_val (rows, i);
    }
  /* A table does not end in a line of one cell: that is the text after it. */
  while (rows->len > 0 && tr_parser_document_get (document, g_array_index (rows, int, rows->len - 1))->n_cells == 1)
    g_array_set_size (rows, rows->len - 1);

  /* The longest start of the run that makes a table, its columns and
   * rows from its own lines. */
  for (guint n = rows->len, tries = 0; n >= 2 && tries < MAX_TRIES; n--)
    {
      g_autoptr(TrTable) table = NULL;

      if (tr_parser_document_get (document, g_array_index (rows, int, n - 1))->n_cells == 1)
        continue;
      tries++;
      n_columns = find_columns (self, (int *) rows->data, n, columns);
      positioned = n_columns > 0;
      if (!positioned)
        for (guint r = 0; r < n; r++)
          n_columns = MAX (n_columns, tr_parser_document_get (document, g_array_index (rows, int, r))->n_cells);
      if (n_columns < 2)
        continue;
      g_free (wrapped);
      wrapped = g_new0 (gboolean, n);
      spaced = find_wrapped_lines (document, (int *) rows->data, n, wrapped);
      table = make_table (self, (int *) rows->data, wrapped, spaced, n, n_columns, positioned ? columns : NULL);
      if (table != NULL)
        {
          TrParserTable found = { start, g_array_index (rows, int, n - 1), -1, NULL };
          int above = tr_parser_document_prev_content (document, start);
          g_autofree char *caption = NULL;

          tr_table_set_has_header (table, first_row_is_header (self, table, (int *) rows->data));
          if (above >= 0 && tr_parser_document_get (document, above)->role == TR_LINE_TEXT &&
              (caption = read_caption (tr_parser_document_get (document, above)->text)) != NULL)
            {
              found.caption_line = above;
              tr_table_set_caption (table, caption);
            }
          found.table = g_steal_pointer (&table);
          g_array_append_val (self->tables, found);
          return found.last_line;
        }
    }
  return -1;
}

static void
clear_table (gpointer data)
{
  TrParserTable *table = data;

  g_clear_object (&table->table);
}

GArray *
tr_parser_find_tables (TrParserDocument *document)
{
  Finder finder = { document, g_array_new (FALSE, FALSE, sizeof (TrParserTable)) };

  g_array_set_clear_func (finder.tables, clear_table);
  for (int i = tr_parser_document_next_content (document, -1); i >= 0;
       i = tr_parser_document_next_content (document, i))
    {
      int last = try_table (&finder, i);

      if (last >= 0)
        i = last;
    }
  return finder.tables;
}
