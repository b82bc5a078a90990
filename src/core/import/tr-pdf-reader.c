/* tr-pdf-reader.c: the laid-out text of a PDF, through poppler
 *
 * Poppler gives, per page, the text (lines ended by "\n", in its reading
 * order), one rectangle per character of that text and runs of characters
 * in one font. From them we rebuild visual lines: poppler's lines that sit
 * on the same baseline (the cells of one table row, a label and its value
 * on a form, a header with its page number) become one line, left to right,
 * with a tab where they stand apart, as a reader sees them; the lines of a
 * page then go top to bottom, except that two columns of running text are
 * read one after the other. Each line carries its box and the size and
 * weight of most of its characters, which is what tells headings apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <math.h>
#include <poppler.h>
#include <string.h>

#include "tr-error.h"
#include "tr-pdf-reader.h"
#include "tr-pdf-text.h"

/* The PDF header may follow some junk, but within the first KiB (as
 * readers have always allowed); the end-of-file marker must be in the last
 * one, or the file was cut short. */
#define HEADER_WINDOW 1024
#define TRAILER_WINDOW 1024

/* Two pieces of text are on one visual line when their middles are closer
 * than this part of the shorter one's height; within this part, they are
 * level. */
#define SAME_LINE_FRACTION 0.5
#define LEVEL_FRACTION 0.25
/* Lines of one table cell start within this many points of each other,
 * are evenly spaced (to this fraction of their pitch) and at most this
 * many line heights apart. */
#define ALIGN_TOLERANCE 2.0
/* … or centred under the first within this many font sizes (rounding of
 * half a character either side). */
#define CENTRE_TOLERANCE_EMS 0.6
#define PITCH_TOLERANCE 0.1
#define MAX_PITCH_HEIGHTS 1.6
/* A cell's or a paragraph's first line is indented by at most this many
 * line heights (two characters and a little). */
#define FIRST_LINE_INDENT_HEIGHTS 2.5

/* A scanned page: at most this many characters of text (a page number)
 * and pictures over at least this part of the page. */
#define SCAN_MAX_CHARS 20
#define SCAN_MIN_COVER 0.25

/* A thread for every so many pages, up to the processors or this many. */
#define PAGES_PER_THREAD 8
#define MAX_THREADS 4

/* Between two characters of one line, a gap wider than this many font
 * sizes separates two cells (a tab); between two Latin words (a word
 * space, which justified text stretches), a gap wider than the second. */
#define CELL_GAP_EMS 0.6
#define WORD_GAP_EMS 2.0

typedef struct {
  double size;
  guint  count;
} SizeCount;

/* What every character of a page's text is set in. */
typedef struct {
  float    *sizes;
  gboolean *bold;
} CharFonts;

/* One of poppler's lines: characters [start, end) of the page. */
typedef struct {
  guint       start;
  guint       end;
  const char *text;      /* its first byte in the page's text */
  gsize       n_bytes;
  double      x1, y1, x2, y2;
  gboolean    has_box;   /* FALSE when only spaces */
  guint       key;       /* the part of the page: see order_columns() */
} Segment;

/* Cells of a row whose places are kept, for the lines of a cell that
 * wrapped: rows of more are left as they are. */
#define MAX_ROW_CELLS 16

/* A visual line and where its first cell ends. */
typedef struct {
  TrLayoutLine *line;
  guint         n_cells;
  gsize         first_cell_bytes;  /* the first cell's text, before the tab */
  double        first_cell_right;
  double        second_cell_left;
  /* Each cell's left and right, the top of its last line and the end of
   * its text. */
  double        cell_left[MAX_ROW_CELLS];
  double        cell_right[MAX_ROW_CELLS];
  double        cell_top[MAX_ROW_CELLS];
  gsize         cell_end[MAX_ROW_CELLS];
  guint         key;
} Row;

static gboolean
memory_contains (const guint8 *data,
                 gsize         length,
                 const char   *needle)
{
  gsize needle_length = strlen (needle);

  if (length < needle_length)
    return FALSE;
  for (gsize i = 0; i + needle_length <= length; i++)
    if (data[i] == (guint8) needle[0] && memcmp (data + i, needle, needle_length) == 0)
      return TRUE;
  return FALSE;
}

/* Refuses what poppler would misreport: poppler calls garbage "damaged" and
 * reconstructs a truncated file from what is left, silently losing pages. */
static gboolean
check_envelope (GBytes  *data,
                GError **error)
{
  gsize length;
  const guint8 *bytes = g_bytes_get_data (data, &length);

  if (length == 0)
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_PDF_EMPTY, _("the file is empty"));
      return FALSE;
    }
  if (!memory_contains (bytes, MIN (length, HEADER_WINDOW), "%PDF-"))
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_PDF_NOT_PDF, _("the file is not a PDF"));
      return FALSE;
    }
  if (!memory_contains (bytes + length - MIN (length, TRAILER_WINDOW), MIN (length, TRAILER_WINDOW),
                        "%%EOF"))
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_PDF_DAMAGED,
                           _("the PDF is incomplete: the file was cut short"));
      return FALSE;
    }
  return TRUE;
}

static PopplerDocument *
new_document (GBytes      *data,
              const char  *password,
              GError     **error)
{
  g_autoptr(GInputStream) stream = NULL;

  if (password == NULL)
    return poppler_document_new_from_bytes (data, NULL, error);

  /* Poppler (22.12 at least) crashes in new_from_bytes() when a password
   * is wrong: its second try, with the password as UTF-8, loses the
   * stream. The stream version survives it. */
  stream = g_memory_input_stream_new_from_bytes (data);
  return poppler_document_new_from_stream (stream, (goffset) g_bytes_get_size (data),
                                           password, NULL, error);
}

static PopplerDocument *
open_document (GBytes      *data,
               const char  *password,
               GError     **error)
{
  g_autoptr(GError) poppler_error = NULL;
  PopplerDocument *document;

  if (!check_envelope (data, error))
    return NULL;

  document = new_document (data, password, &poppler_error);
  if (document != NULL)
    return document;

  if (g_error_matches (poppler_error, POPPLER_ERROR, POPPLER_ERROR_ENCRYPTED))
    {
      if (password == NULL)
        g_set_error_literal (error, TR_ERROR, TR_ERROR_PDF_ENCRYPTED,
                             _("the PDF is protected by a password"));
      else
        g_set_error_literal (error, TR_ERROR, TR_ERROR_PDF_BAD_PASSWORD,
                             _("the password of the PDF is wrong"));
    }
  else
    g_set_error (error, TR_ERROR, TR_ERROR_PDF_DAMAGED,
                 _("the PDF is damaged (%s)"), poppler_error->message);
  return NULL;
}

/* "ABCDEF+NotoSansCJKtc-Bold", "Arial,BoldItalic", "MicrosoftJhengHeiBold":
 * the weight is in the style part after the family, when there is one. */
static gboolean
font_name_is_bold (const char *name)
{
  g_autofree char *lower = NULL;
  const char *style;

  if (name == NULL)
    return FALSE;
  lower = g_ascii_strdown (name, -1);
  style = strrchr (lower, '-');
  if (style == NULL)
    style = strrchr (lower, ',');
  if (style == NULL)
    style = lower;
  return strstr (style, "bold") != NULL || strstr (style, "black") != NULL ||
         strstr (style, "heavy") != NULL;
}

static void
char_fonts_clear (CharFonts *fonts)
{
  g_clear_pointer (&fonts->sizes, g_free);
  g_clear_pointer (&fonts->bold, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (CharFonts, char_fonts_clear)

static void
char_fonts_init (CharFonts    *fonts,
                 const GArray *runs,
                 guint         n_chars)
{
  fonts->sizes = g_new0 (float, MAX (n_chars, 1));
  fonts->bold = g_new0 (gboolean, MAX (n_chars, 1));
  for (guint r = 0; r < runs->len; r++)
    {
      const TrPdfTextRun *run = &g_array_index (runs, TrPdfTextRun, r);
      gboolean bold = font_name_is_bold (run->font_name);

      /* end is the run's last character, not one past it. */
      for (int i = MAX (run->start, 0); i <= run->end && (guint) i < n_chars; i++)
        {
          fonts->sizes[i] = (float) run->font_size;
          fonts->bold[i] = bold;
        }
    }
}

/* Whether a character at @x1, its top at @top and its middle at @middle,
 * may begin the next line of the cell @segment is (the last character's
 * middle at @last_middle; the segments before it end at @read_bottom):
 * under it, within its width (the first line may be
 * indented, or centred, by a few characters). Poppler also joins
 * pieces of different rows and columns of a table without rules, set
 * close (pandoc's DOCX tables): the row above, or left of the cell, or
 * rows below, is not its next line. */
static gboolean
is_next_cell_line (const Segment *segment,
                   double         read_bottom,
                   double         x1,
                   double         top,
                   double         middle,
                   double         last_middle,
                   double         height)
{
  double drop = middle - last_middle;

  /* A label centred beside a value of several lines goes on with the
   * value's first line, higher, and the second line of a cell with the
   * first of the cell beside (poppler gave the first line before, and
   * the second's box reaches into its box); but a piece higher than the
   * line poppler gave before, after a line set apart from that one, is
   * in another row. */
  if (drop < 0)
    return top >= read_bottom - ALIGN_TOLERANCE || segment->y1 < read_bottom;
  return drop <= MAX_PITCH_HEIGHTS * height &&
         x1 >= segment->x1 - ALIGN_TOLERANCE - FIRST_LINE_INDENT_HEIGHTS * height && x1 <= segment->x2;
}

/* Cuts the page's text into poppler's lines, each with the box of its
 * visible characters. Poppler joins the lines of a table cell in one of
 * its lines, at times (when a producer's text matrix inflates the font
 * size, as Chromium's does) a cell's label with the second line of the
 * cell before it (centred on the cell's two lines, half a line lower), or
 * a cell with the row under it, and it may order the cells of a row as
 * they were drawn (a label spaced out as 頁　　數 around its value): a
 * line is cut at each gap between cells, and where it goes on to another
 * line that cannot be its cell's next line. */
static GArray *
split_segments (const char       *text,
                const TrPdfRect  *rects,
                guint             n_rects,
                guint            *out_n_chars)
{
  GArray *segments = g_array_new (FALSE, TRUE, sizeof (Segment));
  Segment current = { 0 };
  const char *p = text;
  guint index = 0;
  double last_y1 = 0, last_y2 = 0, last_x2 = 0;  /* the last visible character's */
  double read_bottom = 0;  /* the last segment's */

  current.text = p;
  for (;; index++)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n' || c == '\0')
        {
          current.end = index;
          current.n_bytes = (gsize) (p - current.text);
          if (current.has_box)
            {
              g_array_append_val (segments, current);
              read_bottom = current.y2;
            }
          if (c == '\0')
            break;
          p = g_utf8_next_char (p);
          memset (&current, 0, sizeof current);
          current.start = index + 1;
          current.text = p;
          continue;
        }

      if (!g_unichar_isspace (c) && index < n_rects)
        {
          const TrPdfRect *r = &rects[index];
          double x1 = MIN (r->x1, r->x2), x2 = MAX (r->x1, r->x2);
          double y1 = MIN (r->y1, r->y2), y2 = MAX (r->y1, r->y2);

          double em = g_unichar_iswide (g_utf8_get_char (p)) && x2 > x1 ? x2 - x1 : (y2 - y1) / 1.2;
          double shorter = MIN (y2 - y1, last_y2 - last_y1);
          /* Apart from the last character by a gap between cells, or on
           * another line where its cell's next line cannot be (the row
           * under it, its cells read across): the lines are put together
           * again from the pieces' places, left to right. */
          gboolean apart = x1 - last_x2 > CELL_GAP_EMS * em ||
                           ((y1 >= last_y2 || y2 <= last_y1) &&
                            !is_next_cell_line (&current, read_bottom, x1, y1, (y1 + y2) / 2,
                                                (last_y1 + last_y2) / 2, shorter));

          if (current.has_box && index > current.start && apart)
            {
              current.end = index;
              current.n_bytes = (gsize) (p - current.text);
              g_array_append_val (segments, current);
              read_bottom = current.y2;
              memset (&current, 0, sizeof current);
              current.start = index;
              current.text = p;
            }
          last_y1 = y1;
          last_y2 = y2;
          last_x2 = x2;
          if (!current.has_box)
            {
              current.x1 = x1; current.y1 = y1; current.x2 = x2; current.y2 = y2;
              current.has_box = TRUE;
            }
          else
            {
              current.x1 = MIN (current.x1, x1); current.y1 = MIN (current.y1, y1);
              current.x2 = MAX (current.x2, x2); current.y2 = MAX (current.y2, y2);
            }
        }
      p = g_utf8_next_char (p);
    }
  *out_n_chars = index;
  return segments;
}

static int
compare_segments_by_middle (gconstpointer a,
                            gconstpointer b)
{
  const Segment *sa = a, *sb = b;
  double ma = (sa->y1 + sa->y2) / 2, mb = (sb->y1 + sb->y2) / 2;

  if (sa->key != sb->key)
    return sa->key < sb->key ? -1 : 1;
  if (ma != mb)
    return ma < mb ? -1 : 1;
  /* Stable on ties: poppler's order. */
  return sa->start < sb->start ? -1 : sa->start > sb->start;
}

static int
compare_segments_by_x (gconstpointer a,
                       gconstpointer b)
{
  const Segment *sa = *(const Segment * const *) a, *sb = *(const Segment * const *) b;

  if (sa->x1 != sb->x1)
    return sa->x1 < sb->x1 ? -1 : 1;
  return sa->start < sb->start ? -1 : sa->start > sb->start;
}

static gboolean
is_latin_word_char (gunichar c)
{
  return c < 0x2E80 && g_unichar_isalnum (c);
}

static void
count_size (GArray *sizes,
            double  size)
{
  /* To a tenth of a point: the same size set twice compares equal. */
  double rounded = round (size * 10.0) / 10.0;

  for (guint i = 0; i < sizes->len; i++)
    {
      SizeCount *entry = &g_array_index (sizes, SizeCount, i);

      if (entry->size == rounded)
        {
          entry->count++;
          return;
        }
    }
  g_array_append_val (sizes, ((SizeCount) { rounded, 1 }));
}

/* A word spaced out letter by letter (計　畫　名　稱, a label spread over
 * its cell) is a run of single full-width characters at even gaps no
 * wider than this many ems: one cell, not one a character. */
#define SPACED_MAX_GAP_EMS 3.2
#define SPACED_GAP_TOLERANCE_EMS 0.25

typedef struct {
  gunichar c;
  double   x1, x2, em;
} Glyph;

/* The visible characters of @row, in the order make_line() takes them. */
static GArray *
row_glyphs (GPtrArray              *row,
            const TrPdfRect        *rects,
            guint                   n_rects,
            const CharFonts        *fonts)
{
  GArray *glyphs = g_array_new (FALSE, FALSE, sizeof (Glyph));

  for (guint i = 0; i < row->len; i++)
    {
      const Segment *segment = g_ptr_array_index (row, i);
      const char *p = segment->text;

      for (guint index = segment->start; index < segment->end; index++, p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          const TrPdfRect *r;
          Glyph glyph;

          if (g_unichar_isspace (c) || index >= n_rects)
            continue;
          r = &rects[index];
          glyph.c = c;
          glyph.x1 = MIN (r->x1, r->x2);
          glyph.x2 = MAX (r->x1, r->x2);
          /* A full-width character is one em wide (see char_em()). */
          if (g_unichar_iswide (c) && glyph.x2 > glyph.x1)
            glyph.em = glyph.x2 - glyph.x1;
          else
            glyph.em = fonts->sizes[index] > 0 ? fonts->sizes[index] : fabs (r->y2 - r->y1) / 1.2;
          g_array_append_val (glyphs, glyph);
        }
    }
  return glyphs;
}

/* For each glyph, how many full-width spaces stand for the gap before it
 * when it is inside a word spaced out letter by letter; 0 elsewhere. */
static guint *
find_spaced_words (const GArray *glyphs)
{
  guint n = glyphs->len;
  guint *spaces = g_new0 (guint, MAX (n, 1));
  g_autofree gboolean *alone = g_new0 (gboolean, MAX (n, 1));

  /* Characters that stand alone, a cell's gap from both neighbours. */
  for (guint k = 0; k < n; k++)
    {
      const Glyph *g = &g_array_index (glyphs, Glyph, k);
      const Glyph *before = k > 0 ? g - 1 : NULL, *after = k + 1 < n ? g + 1 : NULL;

      alone[k] = g_unichar_iswide (g->c) && g_unichar_isalpha (g->c) &&
                 (before == NULL || g->x1 - before->x2 > CELL_GAP_EMS * g->em) &&
                 (after == NULL || after->x1 - g->x2 > CELL_GAP_EMS * after->em);
    }

  for (guint k = 0; k + 1 < n;)
    {
      double gap, em = g_array_index (glyphs, Glyph, k).em;
      guint end = k + 1;

      if (!alone[k] || !alone[k + 1])
        {
          k++;
          continue;
        }
      gap = g_array_index (glyphs, Glyph, k + 1).x1 - g_array_index (glyphs, Glyph, k).x2;
      if (gap > SPACED_MAX_GAP_EMS * em)
        {
          k++;
          continue;
        }
      /* The run goes on while the gaps stay even. */
      while (end + 1 < n && alone[end + 1] &&
             fabs (g_array_index (glyphs, Glyph, end + 1).x1 - g_array_index (glyphs, Glyph, end).x2 - gap) <=
               SPACED_GAP_TOLERANCE_EMS * em)
        end++;
      for (guint j = k + 1; j <= end; j++)
        spaces[j] = MAX (1, (guint) lround (gap / em));
      k = end + 1;
    }
  return spaces;
}

/* One visual line from the pieces of @row (Segment pointers, left to
 * right). Poppler puts cells that sit close together in one of its lines,
 * without a space between Chinese text: the gaps say where cells end. */
static TrLayoutLine *
make_line (GPtrArray              *row,
           const TrPdfRect        *rects,
           guint                   n_rects,
           const CharFonts        *fonts,
           guint                   page_index,
           double                  page_width,
           double                  page_height,
           Row                    *out_row)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (SizeCount));
  TrLayoutLine *line;
  double x1 = G_MAXDOUBLE, y1 = G_MAXDOUBLE, x2 = -G_MAXDOUBLE, y2 = -G_MAXDOUBLE;
  double previous_right = 0.0;
  gunichar previous = 0;
  guint n_visible = 0, n_bold = 0;
  SizeCount best = { 0.0, 0 };
  g_autoptr(GArray) glyphs = row_glyphs (row, rects, n_rects, fonts);
  g_autofree guint *spaced = find_spaced_words (glyphs);

  out_row->n_cells = 1;
  for (guint i = 0; i < row->len; i++)
    {
      const Segment *segment = g_ptr_array_index (row, i);
      const char *p = segment->text;
      gunichar space_before = 0;  /* the space between this character and the last */
      gboolean first = TRUE;

      x1 = MIN (x1, segment->x1); y1 = MIN (y1, segment->y1);
      x2 = MAX (x2, segment->x2); y2 = MAX (y2, segment->y2);

      for (guint index = segment->start; index < segment->end; index++, p = g_utf8_next_char (p))
        {
          gunichar c = g_utf8_get_char (p);
          const TrPdfRect *r;
          double em, gap;

          if (g_unichar_isspace (c) || index >= n_rects)
            {
              if (previous != 0 && space_before == 0)
                space_before = g_unichar_isspace (c) ? c : ' ';
              continue;
            }

          r = &rects[index];
          /* A full-width character is one em wide (see char_em()). */
          if (g_unichar_iswide (c) && fabs (r->x2 - r->x1) > 0)
            em = fabs (r->x2 - r->x1);
          else
            em = fonts->sizes[index] > 0 ? fonts->sizes[index] : fabs (r->y2 - r->y1) / 1.2;
          gap = MIN (r->x1, r->x2) - previous_right;
          if (previous != 0)
            {
              /* Between two pieces, a space where Latin words meet. */
              if (first)
                space_before = is_latin_word_char (previous) && is_latin_word_char (c) ? ' ' : 0;
              /* A space between Latin words may stretch in justified
               * text; other gaps are wide only between cells. */
              gboolean word_space = space_before != 0 && is_latin_word_char (previous) &&
                                    is_latin_word_char (c);

              if (spaced[n_visible] > 0)
                {
                  for (guint n = 0; n < spaced[n_visible]; n++)
                    g_string_append_unichar (text, 0x3000);
                }
              else if (gap > (word_space ? WORD_GAP_EMS : CELL_GAP_EMS) * em)
                {
                  if (out_row->n_cells == 1)
                    {
                      out_row->first_cell_bytes = text->len;
                      out_row->first_cell_right = previous_right;
                      out_row->second_cell_left = MIN (r->x1, r->x2);
                    }
                  if (out_row->n_cells <= MAX_ROW_CELLS)
                    {
                      out_row->cell_end[out_row->n_cells - 1] = text->len;
                      out_row->cell_right[out_row->n_cells - 1] = previous_right;
                    }
                  if (out_row->n_cells < MAX_ROW_CELLS)
                    {
                      out_row->cell_left[out_row->n_cells] = MIN (r->x1, r->x2);
                      out_row->cell_top[out_row->n_cells] = MIN (r->y1, r->y2);
                    }
                  out_row->n_cells++;
                  g_string_append_c (text, '\t');
                }
              else if (space_before != 0)
                g_string_append_unichar (text, space_before);
            }
          if (previous == 0)
            {
              out_row->cell_left[0] = MIN (r->x1, r->x2);
              out_row->cell_top[0] = MIN (r->y1, r->y2);
            }
          g_string_append_unichar (text, c);
          previous = c;
          previous_right = MAX (r->x1, r->x2);
          space_before = 0;
          first = FALSE;

          n_visible++;
          n_bold += fonts->bold[index] ? 1 : 0;
          count_size (sizes, fonts->sizes[index]);
        }
    }

  for (guint i = 0; i < sizes->len; i++)
    {
      SizeCount entry = g_array_index (sizes, SizeCount, i);

      /* On a tie, the larger size: a heading's numbering is often smaller. */
      if (entry.count > best.count || (entry.count == best.count && entry.size > best.size))
        best = entry;
    }

  line = tr_layout_line_new (text->str, page_index);
  line->x = x1;
  line->y = y1;
  line->width = x2 - x1;
  line->height = y2 - y1;
  line->page_width = page_width;
  line->page_height = page_height;
  line->font_size = best.size;
  line->bold = n_visible > 0 && n_bold * 2 > n_visible;
  out_row->line = line;
  if (out_row->n_cells <= MAX_ROW_CELLS)
    {
      out_row->cell_end[out_row->n_cells - 1] = text->len;
      out_row->cell_right[out_row->n_cells - 1] = previous_right;
    }
  if (out_row->n_cells == 1)
    {
      out_row->first_cell_bytes = text->len;
      out_row->first_cell_right = x2;
    }
  return line;
}

static double
row_middle (const Row *row)
{
  return row->line->y + row->line->height / 2;
}

static gboolean
same_left (const Row *row,
           double     x)
{
  return fabs (row->line->x - x) <= ALIGN_TOLERANCE;
}

/* @row less its first cell, whose text and tab were @n_bytes. */
static void
row_drop_first_cell (Row   *row,
                     gsize  n_bytes)
{
  guint n = MIN (row->n_cells, MAX_ROW_CELLS);

  for (guint c = 1; c < n; c++)
    {
      row->cell_left[c - 1] = row->cell_left[c];
      row->cell_right[c - 1] = row->cell_right[c];
      row->cell_top[c - 1] = row->cell_top[c];
      row->cell_end[c - 1] = row->cell_end[c] - n_bytes;
    }
  row->n_cells--;
  row->first_cell_bytes = row->cell_end[0];
}

/* @row with the first cell of @from before its own, @n_bytes of text
 * and a tab. */
static void
row_add_first_cell (Row       *row,
                    const Row *from,
                    gsize      n_bytes)
{
  guint n = MIN (row->n_cells, MAX_ROW_CELLS - 1);

  for (guint c = n; c > 0; c--)
    {
      row->cell_left[c] = row->cell_left[c - 1];
      row->cell_right[c] = row->cell_right[c - 1];
      row->cell_top[c] = row->cell_top[c - 1];
      row->cell_end[c] = row->cell_end[c - 1] + n_bytes + 1;
    }
  row->cell_left[0] = from->cell_left[0];
  row->cell_right[0] = from->cell_right[0];
  row->cell_top[0] = from->cell_top[0];
  row->cell_end[0] = n_bytes;
  row->n_cells++;
  row->first_cell_bytes = n_bytes;
}

/* Moves the first cell of rows[@from] to the front of rows[@to], as a cell. */
static void
hoist_label (GArray *rows,
             guint   from,
             guint   to)
{
  Row *label_row = &g_array_index (rows, Row, from);
  Row *top = &g_array_index (rows, Row, to);
  TrLayoutLine *line = label_row->line;
  g_autofree char *label = g_strndup (line->text, label_row->first_cell_bytes);
  char *joined = g_strconcat (label, "\t", top->line->text, NULL);
  double right = top->line->x + top->line->width;

  g_free (top->line->text);
  top->line->text = joined;
  top->line->x = line->x;
  top->line->width = right - line->x;
  row_add_first_cell (top, label_row, strlen (label));

  if (label_row->n_cells == 1)
    {
      tr_layout_line_free (line);
      g_array_remove_index (rows, from);
      return;
    }

  /* What is left of the row starts at its second cell. */
  {
    const char *rest = line->text + label_row->first_cell_bytes;
    char *text;

    while (*rest == '\t')
      rest++;
    text = g_strdup (rest);
    row_drop_first_cell (label_row, (gsize) (rest - line->text));
    g_free (line->text);
    line->text = text;
    line->width -= label_row->second_cell_left - line->x;
    line->x = label_row->second_cell_left;
  }
}

/* A paragraph's first line may be indented by up to this many ems. */
#define MAX_INDENT_EMS 4.0

/* Whether @row starts right of @x by a first line's indent. */
static gboolean
indented_from (const Row *row,
               double     x)
{
  return row->line->x > x + ALIGN_TOLERANCE && row->line->x <= x + MAX_INDENT_EMS * row->line->font_size;
}

/* How many rows just above (@step -1) or below (+1) rows[@index] start at
 * @x, one line pitch (@pitch) apart: the other lines of one table cell,
 * the first of which may be indented. */
static guint
count_cell_lines (GArray *rows,
                  guint   index,
                  int     step,
                  double  x,
                  double  pitch)
{
  guint n = 0;

  for (int k = (int) index + step; k >= 0 && k < (int) rows->len; k += step)
    {
      const Row *row = &g_array_index (rows, Row, k);
      const Row *nearer = &g_array_index (rows, Row, k - step);

      if (fabs (fabs (row_middle (row) - row_middle (nearer)) - pitch) > PITCH_TOLERANCE * pitch)
        break;
      if (!same_left (row, x))
        {
          n += step < 0 && indented_from (row, x);
          break;
        }
      n++;
    }
  return n;
}

/* A label cell centred vertically beside a value of several lines (the
 * 提要 form's 內容摘要, or 出國類別 beside its tick boxes) sits on the
 * value's middle line, or between two of its lines: top to bottom, it
 * would come after the value's first lines. Put it before them. */
static void
hoist_centred_labels (GArray *rows)
{
  for (guint i = 1; i + 1 < rows->len; i++)
    {
      const Row *row = &g_array_index (rows, Row, i);
      const Row *above = &g_array_index (rows, Row, i - 1);
      const Row *below = &g_array_index (rows, Row, i + 1);
      double label_right = row->first_cell_right + CELL_GAP_EMS * row->line->font_size;

      if (row->n_cells > 1)
        {
          /* On the middle line: as many value lines above as below. */
          double x = row->second_cell_left;
          double pitch = row_middle (below) - row_middle (row);
          guint n_above, n_below;

          if (!(same_left (above, x) || indented_from (above, x)) || !same_left (below, x) || pitch <= 0 ||
              pitch > MAX_PITCH_HEIGHTS * row->line->height)
            continue;
          n_above = count_cell_lines (rows, i, -1, x, pitch);
          n_below = count_cell_lines (rows, i, +1, x, pitch);
          if (n_above > 0 && n_above + 1 >= n_below && n_below + 1 >= n_above)
            hoist_label (rows, i, i - n_above);
        }
      else
        {
          /* Between two lines: level with neither, half-way between them. */
          double pitch = row_middle (below) - row_middle (above);
          double x = below->line->x;
          guint n_above, n_below;

          if (!(same_left (above, x) || indented_from (above, x)) || x < label_right ||
              pitch <= 0 || pitch > MAX_PITCH_HEIGHTS * MIN (above->line->height, below->line->height) ||
              fabs (row_middle (row) - (row_middle (above) + row_middle (below)) / 2) > 0.25 * row->line->height)
            continue;
          n_above = 1 + (same_left (above, x) ? count_cell_lines (rows, i - 1, -1, x, pitch) : 0);
          n_below = 1 + count_cell_lines (rows, i + 1, +1, x, pitch);
          if (n_above + 1 >= n_below && n_below + 1 >= n_above)
            hoist_label (rows, i, i - n_above);
        }
    }
}

/* Wrapped cells ------------------------------------------------------------ */

/* The pitch of the page's lines of text: the least step between two
 * lines, one under the other, that start level and are set alike. A
 * table's rows are further apart than that (their cells' padding and
 * border); the lines within one cell are not. 0 when no two lines are. */
static double
line_pitch (const GArray *rows)
{
  double pitch = G_MAXDOUBLE;

  for (guint i = 1; i < rows->len; i++)
    {
      const TrLayoutLine *above = g_array_index (rows, Row, i - 1).line;
      const TrLayoutLine *below = g_array_index (rows, Row, i).line;
      double step = below->y - above->y;

      if (fabs (below->x - above->x) <= ALIGN_TOLERANCE && below->font_size == above->font_size &&
          step > SAME_LINE_FRACTION * MIN (above->height, below->height))
        pitch = MIN (pitch, step);
    }
  if (pitch < G_MAXDOUBLE)
    return pitch;

  /* No two lines start level (a page of centred captions): lines of one
   * size as close as lines of text are. */
  for (guint i = 1; i < rows->len; i++)
    {
      const TrLayoutLine *above = g_array_index (rows, Row, i - 1).line;
      const TrLayoutLine *below = g_array_index (rows, Row, i).line;
      double step = below->y - above->y;

      if (below->font_size == above->font_size && step > SAME_LINE_FRACTION * MIN (above->height, below->height) &&
          step <= MAX_PITCH_HEIGHTS * MAX (above->height, below->height))
        pitch = MIN (pitch, step);
    }
  return pitch < G_MAXDOUBLE ? pitch : 0.0;
}

/* Whether cell @j of @below is under cell @k of @above as the next line of
 * its text: starting where it starts, or centred under it (a centred
 * caption that wrapped) and no wider. */
static gboolean
cell_under (const Row *above,
            guint      k,
            const Row *below,
            guint      j,
            gboolean  *out_centred)
{
  double above_centre = (above->cell_left[k] + above->cell_right[k]) / 2;
  double below_centre = (below->cell_left[j] + below->cell_right[j]) / 2;

  *out_centred = FALSE;
  if (fabs (above->cell_left[k] - below->cell_left[j]) <= ALIGN_TOLERANCE)
    return TRUE;
  if (below->cell_left[j] > above->cell_left[k] && below->cell_right[j] < above->cell_right[k] &&
      fabs (above_centre - below_centre) <= ALIGN_TOLERANCE + CENTRE_TOLERANCE_EMS * below->line->font_size)
    {
      *out_centred = TRUE;
      return TRUE;
    }
  return FALSE;
}

/* Whether each cell of @below starts under a cell of @above (in order)
 * one line pitch under that cell's last line: the next lines of cells
 * that wrapped. @out_cells gets the cell of @above for each. A row of as
 * many cells is one only when they are all centred under those above:
 * left-aligned, it is the next row of a table. */
static gboolean
continues_cells (const Row *above,
                 const Row *below,
                 double     pitch,
                 guint     *out_cells)
{
  guint k = 0, n_centred = 0;

  if (above->key != below->key || above->n_cells < 2 || above->n_cells > MAX_ROW_CELLS ||
      below->n_cells > above->n_cells || above->line->page != below->line->page)
    return FALSE;
  for (guint j = 0; j < below->n_cells; j++)
    {
      double step;
      gboolean centred = FALSE;

      while (k < above->n_cells && !cell_under (above, k, below, j, &centred))
        k++;
      if (k == above->n_cells)
        return FALSE;
      n_centred += centred;
      step = below->cell_top[j] - above->cell_top[k];
      if (step <= 0 || step > (1 + PITCH_TOLERANCE) * pitch)
        return FALSE;
      /* Within its cell's column: not the next line of running text. */
      if (k + 1 < above->n_cells && below->cell_right[j] >= above->cell_left[k + 1])
        return FALSE;
      out_cells[j] = k++;
    }
  return below->n_cells < above->n_cells || n_centred == below->n_cells;
}

/* Whether no cell of @a overlaps a cell of @b across the page. */
static gboolean
cells_apart (const Row *a,
             const Row *b)
{
  for (guint i = 0; i < a->n_cells; i++)
    for (guint j = 0; j < b->n_cells; j++)
      if (a->cell_left[i] < b->cell_right[j] + ALIGN_TOLERANCE &&
          b->cell_left[j] < a->cell_right[i] + ALIGN_TOLERANCE)
        return FALSE;
  return TRUE;
}

/* Whether each cell of @below goes on a cell of @above, one @pitch under
 * it (left-aligned or centred under it): the next lines of cells that
 * wrapped, whatever else the row holds. */
static gboolean
goes_on_cells (const Row *above,
               const Row *below,
               double     pitch)
{
  for (guint j = 0, k = 0; j < below->n_cells; j++, k++)
    {
      gboolean centred;

      while (k < above->n_cells && !cell_under (above, k, below, j, &centred))
        k++;
      if (k == above->n_cells ||
          fabs (below->cell_top[j] - above->cell_top[k] - pitch) > PITCH_TOLERANCE * pitch)
        return FALSE;
    }
  return TRUE;
}

/* Puts the cells of @from among those of @into, left to right. */
static void
merge_row_cells (Row       *into,
                 const Row *from)
{
  g_auto(GStrv) into_cells = g_strsplit (into->line->text, "\t", -1);
  g_auto(GStrv) from_cells = g_strsplit (from->line->text, "\t", -1);
  g_autoptr(GString) text = g_string_new (NULL);
  Row merged = *into;
  guint i = 0, j = 0, n = 0;
  double x1 = MIN (into->line->x, from->line->x);
  double x2 = MAX (into->line->x + into->line->width, from->line->x + from->line->width);
  double y1 = MIN (into->line->y, from->line->y);
  double y2 = MAX (into->line->y + into->line->height, from->line->y + from->line->height);

  while (i < into->n_cells || j < from->n_cells)
    {
      gboolean take_into = j == from->n_cells || (i < into->n_cells && into->cell_left[i] < from->cell_left[j]);
      const Row *source = take_into ? into : from;
      guint c = take_into ? i++ : j++;
      const char *cell = take_into ? into_cells[c] : from_cells[c];

      if (n > 0)
        g_string_append_c (text, '\t');
      g_string_append (text, cell != NULL ? cell : "");
      merged.cell_left[n] = source->cell_left[c];
      merged.cell_right[n] = source->cell_right[c];
      merged.cell_top[n] = source->cell_top[c];
      merged.cell_end[n] = text->len;
      n++;
    }
  merged.n_cells = n;
  merged.first_cell_bytes = merged.cell_end[0];
  merged.first_cell_right = merged.cell_right[0];
  merged.second_cell_left = merged.cell_left[1];
  g_free (merged.line->text);
  merged.line->text = g_string_free (g_steal_pointer (&text), FALSE);
  merged.line->x = x1;
  merged.line->width = x2 - x1;
  merged.line->y = y1;
  merged.line->height = y2 - y1;
  *into = merged;
}

/* A table row whose cells are centred vertically and of unlike heights
 * (a traveller's phone on two lines beside one-line name and agency, a
 * wrapped period beside a one-line place) reads as a line of some cells,
 * then a line of the others half a pitch lower, then the next lines of
 * the first ones: the line in between joins the first, so that the
 * wrapped cells then join their first lines. */
static void
merge_centred_cells (GArray *rows)
{
  double pitch = line_pitch (rows);

  if (pitch <= 0)
    return;
  for (guint i = 1; i + 1 < rows->len; i++)
    {
      Row *above = &g_array_index (rows, Row, i - 1);
      const Row *row = &g_array_index (rows, Row, i);
      const Row *below = &g_array_index (rows, Row, i + 1);

      if (above->key != row->key || row->key != below->key || above->line->page != row->line->page ||
          row->line->page != below->line->page || above->n_cells + row->n_cells > MAX_ROW_CELLS ||
          below->n_cells > MAX_ROW_CELLS || row_middle (row) <= row_middle (above) ||
          row_middle (row) >= row_middle (below) || !cells_apart (above, row) || !cells_apart (row, below) ||
          !goes_on_cells (above, below, pitch))
        continue;
      merge_row_cells (above, row);
      tr_layout_line_free (row->line);
      g_array_remove_index (rows, i);
    }
}

/* Adds the cells of @below to the ends of the cells of @above they go on. */
static void
append_cell_lines (Row         *above,
                   const Row   *below,
                   const guint *cells)
{
  g_autoptr(GString) text = g_string_new (above->line->text);
  const char *piece = below->line->text;

  for (guint j = 0; j < below->n_cells; j++)
    {
      const char *tab = strchr (piece, '\t');
      gsize length = tab != NULL ? (gsize) (tab - piece) : strlen (piece);
      guint k = cells[j];
      gsize at = above->cell_end[k];
      gboolean space = FALSE;

      if (at > 0 && length > 0)
        {
          const char *last = g_utf8_find_prev_char (text->str, text->str + at);

          /* Latin words wrapped at a space get it back (not numbers,
           * which wrap anywhere). */
          space = last != NULL && g_unichar_isalpha (g_utf8_get_char (last)) && g_utf8_get_char (last) < 0x2E80 &&
                  g_unichar_isalpha (g_utf8_get_char (piece)) && g_utf8_get_char (piece) < 0x2E80;
        }
      if (space)
        g_string_insert_c (text, at, ' ');
      g_string_insert_len (text, at + space, piece, length);
      for (guint c = k; c < above->n_cells; c++)
        above->cell_end[c] += length + space;
      if (k == 0)
        above->first_cell_bytes += length + space;
      above->cell_top[k] = below->cell_top[j];
      piece += length + (tab != NULL ? 1 : 0);
    }

  g_free (above->line->text);
  above->line->text = g_strdup (text->str);
  above->line->height = MAX (above->line->y + above->line->height, below->line->y + below->line->height) - above->line->y;
}

/* A table cell too narrow for its text wraps it: its next lines come
 * out as rows of their own, under the cells they belong to, with the
 * other cells' places empty (「秘書處／股」 then 「長」, a label 「出國人員
 * 姓」 then 「名」). They are put back at the ends of their cells. */
static void
join_wrapped_cells (GArray *rows)
{
  double pitch = line_pitch (rows);
  guint cells[MAX_ROW_CELLS];

  if (pitch <= 0)
    return;
  for (guint i = 1; i < rows->len;)
    {
      Row *above = &g_array_index (rows, Row, i - 1);
      Row *below = &g_array_index (rows, Row, i);

      if (!continues_cells (above, below, pitch, cells))
        {
          i++;
          continue;
        }
      append_cell_lines (above, below, cells);
      tr_layout_line_free (below->line);
      g_array_remove_index (rows, i);
    }
}

/* Two columns ------------------------------------------------------------ */

/* Columns are found per band of the page: rows of text, one above the
 * other, that all leave one strip of x empty (the gutter), with running
 * text on each side. A page may hold several bands (the end of one
 * two-column section and the start of the next) between text that runs
 * across it.
 *
 * The gutter is not a fixed width: it is a strip the text's own word
 * spacing never leaves empty. Gaps between the characters of a line
 * (none between Chinese characters, a word space between Latin words)
 * are closed up to this many times the widest usual one (the 90th
 * percentile of the page's gaps), and never less than this many font
 * sizes: what stays open is wider than any space between words. */
#define WORD_GAP_PERCENTILE  0.9
#define WORD_GAP_FACTOR      1.5
#define WORD_GAP_MIN_EMS     0.3
/* The gutter lies within this part of the text's width around its
 * centre; the first band needs at least so many lines on each side, over
 * at least this part of the text's height (a two-column section may
 * start part way down a page). Another band at the same gutter needs
 * fewer: the end of a section's columns may be a few lines. */
#define GUTTER_BAND_LOW      0.3
#define GUTTER_BAND_HIGH     0.7
#define MIN_COLUMN_LINES     5
#define MIN_BAND_LINES       2
#define MIN_COLUMN_HEIGHT    0.3
/* Running text fills its column: most lines end within this many font
 * sizes of the column's right edge, and few lines of a side have a gap
 * wider than a gutter (the cells of a table do). */
#define FULL_LINE_EMS        2.5
#define MIN_FULL_LINES       0.5
#define MAX_SPLIT_LINES      0.2
#define MIN_COLUMN_WIDTH     0.25
/* Where one band ends and the next starts, under the same gutter: a gap
 * across both columns wider than the lines' usual one by this part of
 * their pitch, or a column left empty for this many more pitches while
 * the other goes on (a column broken off early: the next band starts
 * where it resumes). */
#define BAND_GAP_PITCHES     0.8
#define COLUMN_HOLE_PITCHES  2.0
/* A table's rows break across both columns: by at least this many line
 * heights more than its lines' gap, this many times or more. */
#define TABLE_BREAK_HEIGHTS  0.3
#define MIN_TABLE_BREAKS     2
#define CLOSING_PUNCTUATION  "，。、；：！？）」』】〉》"
#define OPENING_PUNCTUATION  "（「『【〈《"

/* Punctuation that may hang past its line's end (closing) or start. */
typedef enum {
  HANGS_NOT,
  HANGS_RIGHT,
  HANGS_LEFT,
} Hangs;

typedef struct {
  double x1, x2;
  Hangs  hangs;
} Span;

/* How @c may hang. Every mark that does is CJK punctuation (U+3000…) or a
 * full-width form (U+FF00…): the page's other characters, most of them,
 * are told apart without a look through the lists. */
static Hangs
punctuation_hangs (gunichar c)
{
  if (c < 0x3000 || (c >= 0x3100 && c < 0xFF00))
    return HANGS_NOT;
  return g_utf8_strchr (CLOSING_PUNCTUATION, -1, c) != NULL ? HANGS_RIGHT
         : g_utf8_strchr (OPENING_PUNCTUATION, -1, c) != NULL ? HANGS_LEFT : HANGS_NOT;
}

/* A row of segments: their characters' boxes merged into spans, where
 * gaps narrower than a gutter are closed. */
typedef struct {
  guint  first_segment;  /* in the sorted segments */
  guint  n_segments;
  double top, bottom;
  guint  first_span;
  guint  n_spans;
  gboolean tall;  /* a segment of several lines */
} SpanRow;

/* Rows [from, to) read as two columns split at x. */
typedef struct {
  guint  from, to;
} Band;

static int
compare_spans (gconstpointer a,
               gconstpointer b)
{
  const Span *sa = a, *sb = b;

  return sa->x1 < sb->x1 ? -1 : sa->x1 > sb->x1;
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return da < db ? -1 : da > db;
}

static gboolean
rows_level (const Segment *first,
            const Segment *next)
{
  double middle = (first->y1 + first->y2) / 2;
  double next_middle = (next->y1 + next->y2) / 2;
  double shorter = MIN (first->y2 - first->y1, next->y2 - next->y1);

  return fabs (next_middle - middle) < SAME_LINE_FRACTION * shorter;
}

static double
char_em (const TrPdfRect        *r,
         const CharFonts        *fonts,
         guint                   index,
         gunichar                c)
{
  /* A full-width character is one em wide, whatever the font's size
   * says: Chromium scales its fonts by the text matrix, and poppler then
   * reports twice the size the glyphs are drawn at. */
  if (g_unichar_iswide (c) && fabs (r->x2 - r->x1) > 0)
    return fabs (r->x2 - r->x1);
  return fonts->sizes[index] > 0 ? fonts->sizes[index] : fabs (r->y2 - r->y1) / 1.2;
}

/* Whether @row has text left (or right) of @x. */
static gboolean
row_has_side (const GArray  *spans,
              const SpanRow *row,
              double         x,
              gboolean       left)
{
  for (guint s = row->first_span; s < row->first_span + row->n_spans; s++)
    {
      const Span *span = &g_array_index (spans, Span, s);

      if (left ? span->x2 <= x : span->x1 >= x)
        return TRUE;
    }
  return FALSE;
}

/* What one side of @x holds in rows [@from, @to): whether it reads as a
 * column of running text of at least @min_lines lines. */
static gboolean
side_is_running_text (const GArray *rows,
                      const GArray *spans,
                      guint         from,
                      guint         to,
                      double        x,
                      gboolean      left,
                      double        em,
                      double        text_width,
                      guint         min_lines)
{
  double min_left = G_MAXDOUBLE, max_right = -G_MAXDOUBLE;
  guint n_lines = 0, n_split = 0, n_full = 0;

  for (int pass = 0; pass < 2; pass++)
    for (guint i = from; i < to; i++)
      {
        const SpanRow *row = &g_array_index (rows, SpanRow, i);
        guint n_side = 0;
        double right = -G_MAXDOUBLE;

        for (guint s = row->first_span; s < row->first_span + row->n_spans; s++)
          {
            const Span *span = &g_array_index (spans, Span, s);

            if (left ? span->x2 > x : span->x1 < x)
              continue;
            n_side++;
            right = MAX (right, span->x2);
            if (pass == 0)
              min_left = MIN (min_left, span->x1);
          }
        if (n_side == 0)
          continue;
        if (pass == 0)
          {
            n_lines++;
            n_split += n_side > 1;
            max_right = MAX (max_right, right);
          }
        else
          n_full += right >= max_right - FULL_LINE_EMS * em;
      }

  return n_lines >= min_lines && n_split <= MAX_SPLIT_LINES * n_lines &&
         n_full >= MIN_FULL_LINES * n_lines && max_right - min_left >= MIN_COLUMN_WIDTH * text_width;
}

static double
rows_gap (const GArray *rows,
          guint         upper,
          guint         lower)
{
  return g_array_index (rows, SpanRow, lower).top - g_array_index (rows, SpanRow, upper).bottom;
}

/* Poppler joins the lines of a table's cell into one piece at times, never
 * those of a column of text. */
static gboolean
has_tall_row (const GArray *rows,
              guint         from,
              guint         to)
{
  for (guint i = from; i < to; i++)
    if (g_array_index (rows, SpanRow, i).tall)
      return TRUE;
  return FALSE;
}

/* Whether rows[@index], at an end of the columns, belongs with what is
 * outside them: text on one side of @x only (a heading, a running header,
 * a page number) nearer the row outside (@outside, -1 at the page's edge)
 * than the columns' row next to it (@inside). */
static gboolean
row_is_apart (const GArray *rows,
              const GArray *spans,
              guint         index,
              int           outside,
              guint         inside,
              double        x,
              double        em)
{
  const SpanRow *row = &g_array_index (rows, SpanRow, index);
  double gap_inside = inside > index ? rows_gap (rows, index, inside) : rows_gap (rows, inside, index);

  if (row_has_side (spans, row, x, TRUE) && row_has_side (spans, row, x, FALSE))
    return FALSE;
  if (outside < 0)
    return gap_inside > 2 * em;
  return ((guint) outside > index ? rows_gap (rows, index, outside) : rows_gap (rows, outside, index)) <= gap_inside;
}

/* Splits the segment at @index where @x falls between its characters,
 * the right part added at the end of @segments; FALSE when it does not
 * reach across @x. */
static gboolean
split_segment_at (GArray                 *segments,
                  guint                   index,
                  double                  x,
                  const TrPdfRect        *rects,
                  guint                   n_rects)
{
  Segment *segment = &g_array_index (segments, Segment, index);
  Segment left = *segment, right = *segment;
  const char *p = segment->text;

  if (segment->x1 >= x || segment->x2 <= x)
    return FALSE;

  left.has_box = right.has_box = FALSE;
  for (guint i = segment->start; i < segment->end; i++, p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      const TrPdfRect *r;
      double x1, x2, y1, y2;
      Segment *part;

      if (g_unichar_isspace (c) || i >= n_rects)
        continue;
      r = &rects[i];
      x1 = MIN (r->x1, r->x2), x2 = MAX (r->x1, r->x2);
      y1 = MIN (r->y1, r->y2), y2 = MAX (r->y1, r->y2);
      if (x1 >= x && !right.has_box)
        {
          /* The right part starts at this character. */
          left.end = i;
          left.n_bytes = (gsize) (p - segment->text);
          right.start = i;
          right.text = p;
          right.n_bytes = segment->n_bytes - left.n_bytes;
        }
      part = right.has_box || x1 >= x ? &right : &left;
      if (!part->has_box)
        {
          part->x1 = x1, part->y1 = y1, part->x2 = x2, part->y2 = y2;
          part->has_box = TRUE;
        }
      else
        {
          part->x1 = MIN (part->x1, x1), part->y1 = MIN (part->y1, y1);
          part->x2 = MAX (part->x2, x2), part->y2 = MAX (part->y2, y2);
        }
    }
  if (!left.has_box || !right.has_box)
    return FALSE;
  *segment = left;
  g_array_append_val (segments, right);
  return TRUE;
}

/* Whether no span of @row covers @x. */
static gboolean
row_open_at (const GArray  *spans,
             const SpanRow *row,
             double         x)
{
  for (guint s = row->first_span; s < row->first_span + row->n_spans; s++)
    if (g_array_index (spans, Span, s).x1 < x && g_array_index (spans, Span, s).x2 > x)
      return FALSE;
  return TRUE;
}

/* The rows of the page, each with its characters' boxes as spans where
 * the gaps narrower than the page's word spacing are closed; returns the
 * average font size. */
static double
make_span_rows (const GArray           *segments,
                const TrPdfRect        *rects,
                guint                   n_rects,
                const CharFonts        *fonts,
                GArray                 *rows,
                GArray                 *spans)
{
  /* A glyph and a gap at most per character: room made once. */
  g_autoptr(GArray) glyphs = g_array_sized_new (FALSE, FALSE, sizeof (Span), n_rects);
  g_autoptr(GArray) gaps = g_array_sized_new (FALSE, FALSE, sizeof (double), n_rects);
  double em_sum = 0, em, join;
  guint n_ems = 0;

  for (guint i = 0; i < segments->len;)
    {
      const Segment *first = &g_array_index (segments, Segment, i);
      SpanRow row = { i, 0, first->y1, first->y2, glyphs->len, 0, FALSE };

      for (; i < segments->len && rows_level (first, &g_array_index (segments, Segment, i)); i++)
        {
          const Segment *segment = &g_array_index (segments, Segment, i);
          const char *p = segment->text;
          double glyph_height = 0;

          row.n_segments++;
          row.top = MIN (row.top, segment->y1);
          row.bottom = MAX (row.bottom, segment->y2);
          for (guint index = segment->start; index < segment->end; index++, p = g_utf8_next_char (p))
            {
              gunichar c = g_utf8_get_char (p);
              Span span;

              if (index >= n_rects || g_unichar_isspace (c))
                continue;
              em_sum += char_em (&rects[index], fonts, index, c);
              n_ems++;
              span.x1 = MIN (rects[index].x1, rects[index].x2);
              span.x2 = MAX (rects[index].x1, rects[index].x2);
              /* A closing mark may hang into the gutter at a line's
               * end, its box over the next column's first character;
               * an opening one at a line's start, over the last. */
              span.hangs = punctuation_hangs (c);
              g_array_append_val (glyphs, span);
              row.n_spans++;
              glyph_height = MAX (glyph_height, fabs (rects[index].y2 - rects[index].y1));
            }
          row.tall |= segment->y2 - segment->y1 > 1.6 * glyph_height;
        }
      if (row.n_spans == 0)
        continue;
      qsort (&g_array_index (glyphs, Span, row.first_span), row.n_spans, sizeof (Span), compare_spans);
      for (guint s = row.first_span; s < row.first_span + row.n_spans; s++)
        {
          Span *glyph = &g_array_index (glyphs, Span, s);
          const Span *next = s + 1 < row.first_span + row.n_spans ? glyph + 1 : NULL;
          const Span *previous = s > row.first_span ? glyph - 1 : NULL;

          if (glyph->hangs == HANGS_RIGHT && next != NULL && next->x1 < glyph->x2 - ALIGN_TOLERANCE)
            glyph->x2 = glyph->x1;
          else if (glyph->hangs == HANGS_LEFT && previous != NULL && previous->x2 > glyph->x1 + ALIGN_TOLERANCE)
            glyph->x1 = glyph->x2;
          if (s > row.first_span)
            g_array_append_val (gaps, ((double) { MAX (glyph->x1 - (glyph - 1)->x2, 0.0) }));
        }
      g_array_append_val (rows, row);
    }
  if (n_ems == 0)
    return 0.0;
  em = em_sum / n_ems;

  join = WORD_GAP_MIN_EMS * em;
  if (gaps->len > 0)
    {
      g_array_sort (gaps, compare_doubles);
      join = MAX (join, WORD_GAP_FACTOR * g_array_index (gaps, double, (guint) (WORD_GAP_PERCENTILE * (gaps->len - 1))));
    }

  for (guint r = 0; r < rows->len; r++)
    {
      SpanRow *row = &g_array_index (rows, SpanRow, r);
      guint first = spans->len;

      for (guint s = row->first_span; s < row->first_span + row->n_spans; s++)
        {
          const Span *glyph = &g_array_index (glyphs, Span, s);
          Span *last = spans->len > first ? &g_array_index (spans, Span, spans->len - 1) : NULL;

          if (last != NULL && glyph->x1 - last->x2 < join)
            last->x2 = MAX (last->x2, glyph->x2);
          else
            g_array_append_val (spans, *glyph);
        }
      row->first_span = first;
      row->n_spans = spans->len - first;
    }
  return em;
}

/* The rows of [@from, @to) with text on one side of @x, in order. */
static GArray *
side_rows (const GArray *rows,
           const GArray *spans,
           guint         from,
           guint         to,
           double        x,
           gboolean      left)
{
  GArray *side = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint i = from; i < to; i++)
    if (row_has_side (spans, &g_array_index (rows, SpanRow, i), x, left))
      g_array_append_val (side, i);
  return side;
}

/* Where, in rows [@from, @to) under one gutter, a band ends and the next
 * starts: the indices of the rows that start a band, added to @cuts. */
static void
find_band_cuts (const GArray *rows,
                const GArray *spans,
                guint         from,
                guint         to,
                double        x,
                GArray       *cuts)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) pitches = g_array_new (FALSE, FALSE, sizeof (double));
  double gap, pitch;

  if (to - from < 2)
    return;
  /* The lines' usual gap and pitch: a producer's boxes may be taller
   * than the pitch (Chromium's are), so breaks are measured in pitches
   * beyond the usual gap. */
  for (guint i = from + 1; i < to; i++)
    {
      double step = g_array_index (rows, SpanRow, i).top - g_array_index (rows, SpanRow, i - 1).top;

      g_array_append_val (gaps, ((double) { rows_gap (rows, i - 1, i) }));
      g_array_append_val (pitches, step);
    }
  g_array_sort (gaps, compare_doubles);
  g_array_sort (pitches, compare_doubles);
  gap = g_array_index (gaps, double, gaps->len / 2);
  pitch = g_array_index (pitches, double, pitches->len / 2);

  /* Nothing on either side for most of a line. */
  for (guint i = from + 1; i < to; i++)
    if (rows_gap (rows, i - 1, i) >= gap + BAND_GAP_PITCHES * pitch)
      g_array_append_val (cuts, i);

  /* One side broken off while the other goes on: the next band starts
   * where the broken side resumes, and on the other side after the break
   * between its lines nearest above that (a band's columns start level,
   * give or take a heading's margin). */
  for (int side = 0; side < 2; side++)
    {
      g_autoptr(GArray) these = side_rows (rows, spans, from, to, x, side == 0);
      g_autoptr(GArray) others = side_rows (rows, spans, from, to, x, side != 0);

      for (guint k = 1; k < these->len; k++)
        {
          guint above = g_array_index (these, guint, k - 1), below = g_array_index (these, guint, k);
          const SpanRow *resumed = &g_array_index (rows, SpanRow, below);
          double best_gap = -G_MAXDOUBLE;
          guint best = 0;

          if (rows_gap (rows, above, below) < gap + COLUMN_HOLE_PITCHES * pitch)
            continue;
          for (guint o = 1; o < others->len; o++)
            {
              guint upper = g_array_index (others, guint, o - 1), lower = g_array_index (others, guint, o);
              double gap;

              if (upper < above || lower > below ||
                  g_array_index (rows, SpanRow, lower).top > resumed->top + pitch / 2)
                continue;
              gap = rows_gap (rows, upper, lower);
              /* The widest break, the lower of two as wide. */
              if (gap >= best_gap - ALIGN_TOLERANCE)
                {
                  best_gap = MAX (gap, best_gap);
                  best = lower;
                }
            }
          if (best > 0)
            g_array_append_val (cuts, best);
        }
    }
}

static int
compare_uints (gconstpointer a,
               gconstpointer b)
{
  guint ua = *(const guint *) a, ub = *(const guint *) b;

  return ua < ub ? -1 : ua > ub;
}

/* A table of running text looks like two columns, but its rows break
 * across both at once: a gap wider than the lines' own, after which both
 * cells start level. Two columns break together now and then (a heading
 * row at their top); more often than that, rows [@from, @to) are a
 * table's. */
static gboolean
is_table (const GArray *rows,
          const GArray *spans,
          guint         from,
          guint         to,
          double        x)
{
  g_autoptr(GArray) gaps = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) heights = g_array_new (FALSE, FALSE, sizeof (double));
  double gap, height;
  guint n_breaks = 0;

  if (to - from < 3)
    return FALSE;
  for (guint i = from + 1; i < to; i++)
    {
      const SpanRow *row = &g_array_index (rows, SpanRow, i);

      g_array_append_val (gaps, ((double) { rows_gap (rows, i - 1, i) }));
      g_array_append_val (heights, ((double) { row->bottom - row->top }));
    }
  g_array_sort (gaps, compare_doubles);
  g_array_sort (heights, compare_doubles);
  gap = g_array_index (gaps, double, gaps->len / 2);
  height = g_array_index (heights, double, heights->len / 2);

  for (guint i = from + 2; i < to; i++)
    {
      const SpanRow *row = &g_array_index (rows, SpanRow, i);

      if (rows_gap (rows, i - 1, i) > gap + TABLE_BREAK_HEIGHTS * height &&
          row_has_side (spans, row, x, TRUE) && row_has_side (spans, row, x, FALSE))
        n_breaks++;
    }
  return n_breaks >= MIN_TABLE_BREAKS;
}

/* Rows [@from, @to) under the gutter at @x as a band in @out_band, less
 * a running header or a page number set apart above or below the
 * columns on one side of the gutter; FALSE when they do not read as two
 * columns of running text. */
static gboolean
make_band (const GArray *rows,
           const GArray *spans,
           guint         from,
           guint         to,
           double        x,
           double        em,
           double        text_width,
           Band         *out_band)
{
  while (to - from > 1 && row_is_apart (rows, spans, from, (int) from - 1, from + 1, x, em))
    from++;
  while (to - from > 1 && row_is_apart (rows, spans, to - 1, to < rows->len ? (int) to : -1, to - 2, x, em))
    to--;
  out_band->from = from;
  out_band->to = to;
  return !has_tall_row (rows, from, to) && !is_table (rows, spans, from, to, x) &&
         side_is_running_text (rows, spans, from, to, x, TRUE, em, text_width, MIN_BAND_LINES) &&
         side_is_running_text (rows, spans, from, to, x, FALSE, em, text_width, MIN_BAND_LINES);
}

/* Finds the bands of two columns of running text on the page and gives
 * their segments the keys that read each band's left column before its
 * right: what runs across the page above a band, then its left column,
 * its right, and so on down the page. @segments are sorted by their
 * middles, and are sorted again by key and middle. */
static void
order_columns (GArray                 *segments,
               const TrPdfRect        *rects,
               guint                   n_rects,
               const CharFonts        *fonts)
{
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (SpanRow));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) bands = g_array_new (FALSE, FALSE, sizeof (Band));
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (guint));
  double em;
  guint best_from = 0, best_to = 0;
  double x0 = G_MAXDOUBLE, x1 = -G_MAXDOUBLE, y0, y1, best_x = 0;
  guint best_lines = 0;

  if (segments->len < 2 * MIN_COLUMN_LINES)
    return;

  em = make_span_rows (segments, rects, n_rects, fonts, rows, spans);
  if (em <= 0 || rows->len < 2 * MIN_COLUMN_LINES)
    return;
  for (guint i = 0; i < rows->len; i++)
    {
      const SpanRow *row = &g_array_index (rows, SpanRow, i);

      x0 = MIN (x0, g_array_index (spans, Span, row->first_span).x1);
      x1 = MAX (x1, g_array_index (spans, Span, row->first_span + row->n_spans - 1).x2);
    }
  y0 = g_array_index (rows, SpanRow, 0).top;
  y1 = g_array_index (rows, SpanRow, rows->len - 1).bottom;

  /* Each x near the centre that no span covers, over the longest run of
   * rows: where both sides hold running text, a gutter. */
  for (double x = x0 + GUTTER_BAND_LOW * (x1 - x0); x <= x0 + GUTTER_BAND_HIGH * (x1 - x0); x += 1.0)
    {
      guint from = 0;

      for (guint i = 0; i <= rows->len; i++)
        {
          if (i < rows->len && row_open_at (spans, &g_array_index (rows, SpanRow, i), x))
            continue;

          if (i - from > best_lines &&
              g_array_index (rows, SpanRow, i - 1).bottom - g_array_index (rows, SpanRow, from).top >=
                MIN_COLUMN_HEIGHT * (y1 - y0))
            {
              if (!has_tall_row (rows, from, i) &&
                  side_is_running_text (rows, spans, from, i, x, TRUE, em, x1 - x0, MIN_COLUMN_LINES) &&
                  side_is_running_text (rows, spans, from, i, x, FALSE, em, x1 - x0, MIN_COLUMN_LINES))
                {
                  best_lines = i - from;
                  best_from = from;
                  best_to = i;
                  best_x = x;
                }
            }
          from = i + 1;
        }
    }
  if (best_lines == 0)
    return;

  /* The gutter's middle, between the rows with text on both sides (a
   * page number below one column is not at its edge). */
  {
    double left_edge = -G_MAXDOUBLE, right_edge = G_MAXDOUBLE;

    for (guint i = best_from; i < best_to; i++)
      {
        const SpanRow *row = &g_array_index (rows, SpanRow, i);

        if (!row_has_side (spans, row, best_x, TRUE) || !row_has_side (spans, row, best_x, FALSE))
          continue;
        for (guint s = row->first_span; s < row->first_span + row->n_spans; s++)
          {
            const Span *span = &g_array_index (spans, Span, s);

            if (span->x2 <= best_x)
              left_edge = MAX (left_edge, span->x2);
            else
              right_edge = MIN (right_edge, span->x1);
          }
      }
    if (left_edge > -G_MAXDOUBLE && right_edge < G_MAXDOUBLE)
      best_x = (left_edge + right_edge) / 2;
  }

  /* Every run of rows open at the gutter, cut where one band ends and the
   * next starts; each piece that holds columns is a band, and a piece
   * that does not (a heading's row above the columns) goes with the next.
   * What is left below the last band runs across the page. */
  for (guint from = 0, i = 0; i <= rows->len; i++)
    {
      guint start;

      if (i < rows->len && row_open_at (spans, &g_array_index (rows, SpanRow, i), best_x))
        continue;
      if (i - from < 2 * MIN_BAND_LINES)
        {
          from = i + 1;
          continue;
        }
      g_array_set_size (cuts, 0);
      find_band_cuts (rows, spans, from, i, best_x, cuts);
      g_array_append_val (cuts, i);
      g_array_sort (cuts, compare_uints);
      start = from;
      for (guint c = 0; c < cuts->len; c++)
        {
          guint end = g_array_index (cuts, guint, c);
          Band band;

          if (end <= start)
            continue;
          if (make_band (rows, spans, start, end, best_x, em, x1 - x0, &band))
            {
              g_array_append_val (bands, band);
              start = end;
            }
        }
      from = i + 1;
    }

  /* The segments above the first band, in it (left, right), between it
   * and the next, … below the last. */
  for (guint i = 0, b = 0; i < rows->len; i++)
    {
      const SpanRow *row = &g_array_index (rows, SpanRow, i);
      const Band *band;
      gboolean in_band;

      while (b < bands->len && i >= g_array_index (bands, Band, b).to)
        b++;
      band = b < bands->len ? &g_array_index (bands, Band, b) : NULL;
      in_band = band != NULL && i >= band->from;

      for (guint s = row->first_segment; s < row->first_segment + row->n_segments; s++)
        {
          Segment *segment;
          gboolean split = FALSE;

          if (in_band && split_segment_at (segments, s, best_x, rects, n_rects))
            {
              g_array_index (segments, Segment, segments->len - 1).key = 3 * b + 2;
              split = TRUE;
            }
          segment = &g_array_index (segments, Segment, s);
          if (!in_band)
            segment->key = 3 * b;
          else
            /* A left line's last mark may hang into the gutter. */
            segment->key = 3 * b + (split || segment->x1 < best_x ? 1 : 2);
        }
    }
  g_array_sort (segments, compare_segments_by_middle);
}

/* Whether segments[@index], a little under a line whose middle is at
 * @middle and that starts at @left, is a label beside it (ending left of
 * it) no nearer to it than to the next line down: then it is a line of
 * its own. */
static gboolean
halfway_to_next_line (const GArray *segments,
                      guint         index,
                      double        middle,
                      double        left,
                      double        height)
{
  const Segment *segment = &g_array_index (segments, Segment, index);
  double own = (segment->y1 + segment->y2) / 2;

  if (own - middle < LEVEL_FRACTION * height || segment->x2 > left)
    return FALSE;
  for (guint i = index + 1; i < segments->len; i++)
    {
      const Segment *after = &g_array_index (segments, Segment, i);
      double after_middle = (after->y1 + after->y2) / 2;

      if (after->key != segment->key)
        return FALSE;
      /* The next line: a piece not level with the row above. */
      if (after_middle - middle >= SAME_LINE_FRACTION * height)
        return after_middle - own <= own - middle + LEVEL_FRACTION * height;
    }
  return FALSE;
}

/* Adds the visual lines of one page to @lines; returns how many
 * characters of text it had (0: none, as on a scanned page). */
static guint
read_page (const TrPdfPageText *page,
           guint                page_index,
           GPtrArray           *lines)
{
  const char *text = page->text;
  const TrPdfRect *rects = page->rects;
  g_autoptr(GArray) segments = NULL;
  g_autoptr(GPtrArray) row = g_ptr_array_new ();
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_auto(CharFonts) fonts = { 0 };
  guint n_rects = page->n_rects, n_chars = 0, n_visible = 0;
  double width = page->width, height = page->height;
  gboolean halfway = FALSE, next_halfway = FALSE;

  if (text == NULL || text[0] == '\0')
    return 0;

  segments = split_segments (text, rects, n_rects, &n_chars);
  char_fonts_init (&fonts, page->runs, n_chars);

  g_array_sort (segments, compare_segments_by_middle);
  order_columns (segments, rects, n_rects, &fonts);

  for (guint i = 0; i < segments->len; i++)
    {
      Segment *segment = &g_array_index (segments, Segment, i);
      Segment *next = i + 1 < segments->len ? &g_array_index (segments, Segment, i + 1) : NULL;
      const Segment *first;

      g_ptr_array_add (row, segment);
      n_visible += segment->end - segment->start;

      /* The row goes on while the next piece's middle is level with the
       * row's first piece, unless it is just as near the line after (a
       * label centred between two lines of its value, set close). */
      first = g_ptr_array_index (row, 0);
      if (next != NULL)
        {
          double middle = (first->y1 + first->y2) / 2;
          double next_middle = (next->y1 + next->y2) / 2;
          double shorter = MIN (first->y2 - first->y1, next->y2 - next->y1);

          if (next->key == first->key &&
              fabs (next_middle - middle) < (halfway ? LEVEL_FRACTION : SAME_LINE_FRACTION) * shorter)
            {
              if (halfway || !halfway_to_next_line (segments, i + 1, middle, first->x1, shorter))
                continue;
              /* The piece starts a row of its own, which takes only what is level with it. */
              next_halfway = TRUE;
            }
        }

      g_ptr_array_sort (row, compare_segments_by_x);
      {
        Row made = { 0 };

        make_line (row, rects, n_rects, &fonts, page_index, width, height, &made);
        made.key = first->key;
        g_array_append_val (rows, made);
      }
      g_ptr_array_set_size (row, 0);
      halfway = next_halfway;
      next_halfway = FALSE;
    }

  hoist_centred_labels (rows);
  merge_centred_cells (rows);
  join_wrapped_cells (rows);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *made = &g_array_index (rows, Row, i);

      /* Where the cells start tells a table's columns. */
      if (made->n_cells >= 2 && made->n_cells <= MAX_ROW_CELLS)
        tr_layout_line_set_cell_x (made->line, made->cell_left, made->n_cells);
      g_ptr_array_add (lines, made->line);
    }
  return n_visible;
}

/* Pages are shared out among threads, each with a document of its own
 * (poppler's objects are not thread-safe; separate documents are). */
typedef struct {
  GBytes     *data;
  const char *password;
  guint       n_pages;
  GPtrArray **page_lines;   /* the lines of each page, as they are read */
  guint      *page_chars;   /* characters of text on each page */
  gboolean   *page_scanned; /* no text but a picture: a scanned page */
  gint        next_page;    /* atomic: the next page nobody has taken */
  gint        n_done;       /* atomic: pages read */
  gint        stop;         /* atomic: the read was cancelled */
} SharedRead;

/* A picture that covers much of a page with no more text than a page
 * number: a page that was scanned. */
static gboolean
is_picture_page (PopplerPage *page)
{
  GList *images = poppler_page_get_image_mapping (page);
  double width, height, covered = 0;

  poppler_page_get_size (page, &width, &height);
  for (GList *l = images; l != NULL; l = l->next)
    {
      const PopplerRectangle *area = &((PopplerImageMapping *) l->data)->area;

      covered += fabs ((area->x2 - area->x1) * (area->y2 - area->y1));
    }
  poppler_page_free_image_mapping (images);
  return width > 0 && height > 0 && covered >= SCAN_MIN_COVER * width * height;
}

/* What one thread reads with: poppler's core for the text, and for the
 * pictures of the few pages without text, poppler-glib, opened when one
 * is met. */
typedef struct {
  TrPdfText       *text;
  PopplerDocument *document;
} Reader;

static gboolean
is_scanned_page (SharedRead *shared,
                 Reader     *reader,
                 guint       index)
{
  g_autoptr(GObject) page = NULL;  /* poppler 22 has no autoptr types */

  if (reader->document == NULL)
    reader->document = new_document (shared->data, shared->password, NULL);
  if (reader->document != NULL)
    page = G_OBJECT (poppler_document_get_page (reader->document, (int) index));
  return page != NULL && is_picture_page (POPPLER_PAGE (page));
}

/* Reads the next page nobody has taken; FALSE when none is left. */
static gboolean
read_next_page (SharedRead *shared,
                Reader     *reader)
{
  g_auto(TrPdfPageText) page = { 0 };
  guint index;

  if (g_atomic_int_get (&shared->stop) || (guint) g_atomic_int_get (&shared->next_page) >= shared->n_pages)
    return FALSE;
  index = (guint) g_atomic_int_add (&shared->next_page, 1);
  if (index >= shared->n_pages)
    return FALSE;

  shared->page_lines[index] = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  /* A page poppler cannot build has no text to give: go on with the rest. */
  tr_pdf_text_read_page (reader->text, index, &page);
  if (page.text != NULL)
    {
      shared->page_chars[index] = read_page (&page, index, shared->page_lines[index]);
      /* Only pages (almost) without text pay for a look at their pictures. */
      if (shared->page_chars[index] <= SCAN_MAX_CHARS)
        shared->page_scanned[index] = is_scanned_page (shared, reader, index);
    }
  g_atomic_int_inc (&shared->n_done);
  return TRUE;
}

static gpointer
read_pages_thread (gpointer user_data)
{
  SharedRead *shared = user_data;
  Reader reader = { NULL, NULL };

  /* Started late, when the others have taken every page. */
  if ((guint) g_atomic_int_get (&shared->next_page) >= shared->n_pages)
    return NULL;
  /* The password was right for the first document: it is for this one. */
  reader.text = tr_pdf_text_new (shared->data, shared->password, NULL);

  /* Without a document, the other threads read this one's share. */
  if (reader.text != NULL)
    {
      while (read_next_page (shared, &reader))
        ;
      tr_pdf_text_free (reader.text);
    }
  g_clear_object (&reader.document);
  return NULL;
}

static void
join_threads (GPtrArray *threads)
{
  for (guint i = 0; i < threads->len; i++)
    g_thread_join (g_ptr_array_index (threads, i));
  g_ptr_array_set_size (threads, 0);
}

static guint max_threads = MAX_THREADS;

void
tr_pdf_reader_set_max_threads (guint n)
{
  max_threads = CLAMP (n, 1, MAX_THREADS);
}

/* How many threads read @n_pages: a few pages are not worth a thread. */
static guint
count_threads (guint n_pages)
{
  return CLAMP (MIN (g_get_num_processors (), n_pages / PAGES_PER_THREAD), 1, max_threads);
}

GPtrArray *
tr_pdf_read_lines (GBytes             *data,
                   const char         *password,
                   guint              *out_n_pages,
                   TrPdfProgressFunc   progress,
                   gpointer            user_data,
                   GError            **error)
{
  return tr_pdf_read_lines_full (data, password, out_n_pages, NULL, progress, user_data, error);
}

GPtrArray *
tr_pdf_read_lines_full (GBytes             *data,
                        const char         *password,
                        guint              *out_n_pages,
                        GArray            **out_scanned_pages,
                        TrPdfProgressFunc   progress,
                        gpointer            user_data,
                        GError            **error)
{
  g_autoptr(GObject) document_object = NULL;  /* poppler 22 has no autoptr types */
  PopplerDocument *document;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(TrPdfText) text = NULL;
  Reader reader = { NULL, NULL };
  g_autofree GPtrArray **page_lines = NULL;
  g_autofree guint *page_chars = NULL;
  g_autofree gboolean *page_scanned = NULL;
  SharedRead shared = { 0 };
  guint64 n_chars = 0;
  guint reported = 0, n_threads;
  gboolean cancelled = FALSE;
  int n_pages;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (password != NULL && password[0] == '\0')
    password = NULL;

  document = open_document (data, password, error);
  if (document == NULL)
    return NULL;
  document_object = G_OBJECT (document);

  n_pages = poppler_document_get_n_pages (document);
  if (n_pages <= 0)
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_PDF_EMPTY, _("the PDF has no pages"));
      return NULL;
    }
  if (n_pages > TR_PDF_MAX_PAGES)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_PDF_TOO_LARGE,
                   _("the PDF has too many pages (%d; at most %d can be imported)"),
                   n_pages, TR_PDF_MAX_PAGES);
      return NULL;
    }

  /* Poppler-glib opened it, telling a wrong password or a damaged file
   * the way users have seen; its core reads the text. */
  text = tr_pdf_text_new (data, password, error);
  if (text == NULL)
    return NULL;
  reader.text = text;
  reader.document = document;

  page_lines = g_new0 (GPtrArray *, n_pages);
  page_chars = g_new0 (guint, n_pages);
  page_scanned = g_new0 (gboolean, n_pages);
  shared.data = data;
  shared.password = password;
  shared.n_pages = (guint) n_pages;
  shared.page_lines = page_lines;
  shared.page_chars = page_chars;
  shared.page_scanned = page_scanned;

  /* Poppler takes about as long as pdftotext; the other processors halve
   * that on a long report. */
  n_threads = count_threads ((guint) n_pages);
  for (guint i = 1; i < n_threads; i++)
    {
      /* Under the worker's memory limit a thread may not start: fewer
       * threads read more pages each. */
      GThread *thread = g_thread_try_new ("tr-pdf-reader", read_pages_thread, &shared, NULL);

      if (thread != NULL)
        g_ptr_array_add (threads, thread);
    }

  /* This thread reads too, a page at a time so that it can report
   * progress (the callback is only ever called from here). */
  while (!cancelled)
    {
      guint done;

      if (!read_next_page (&shared, &reader) && threads->len > 0)
        /* Only the other threads' last pages are left. */
        join_threads (threads);

      done = (guint) g_atomic_int_get (&shared.n_done);
      while (reported < done && !cancelled)
        {
          reported++;
          cancelled = progress != NULL && !progress (reported, shared.n_pages, user_data);
        }
      if (reported == shared.n_pages)
        break;
    }

  /* This thread may have read the last page while another was still
   * starting: @shared, on this stack, must outlive them all. */
  if (cancelled)
    g_atomic_int_set (&shared.stop, TRUE);
  join_threads (threads);

  lines = g_ptr_array_new_with_free_func ((GDestroyNotify) tr_layout_line_free);
  for (guint i = 0; i < shared.n_pages; i++)
    {
      if (page_lines[i] == NULL)
        continue;
      n_chars += page_chars[i];
      g_ptr_array_extend_and_steal (lines, page_lines[i]);
    }

  if (cancelled)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, _("the import was cancelled"));
      return NULL;
    }
  if (n_chars == 0)
    {
      g_set_error_literal (error, TR_ERROR, TR_ERROR_PDF_NO_TEXT,
                           _("this PDF has no text; it is probably a scan"));
      return NULL;
    }

  if (out_n_pages != NULL)
    *out_n_pages = (guint) n_pages;
  if (out_scanned_pages != NULL)
    {
      *out_scanned_pages = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < (guint) n_pages; i++)
        if (page_scanned[i])
          g_array_append_val (*out_scanned_pages, i);
    }
  return g_steal_pointer (&lines);
}
