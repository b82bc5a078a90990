/* tr-pdf-layout.c: a document laid out on A4 pages with Pango
 *
 * The document's blocks flow down the pages once: each paragraph becomes a
 * PangoLayout, its lines are placed page by page, and each page keeps a
 * list of what to draw where (lines of a layout, rules, photos). Drawing a
 * page replays its list on any cairo context, so that a PDF file and a
 * print dialog show the same pages.
 *
 * The rules of the word processors the ODT is read in, kept here: a
 * heading or a caption stays with what follows it, a paragraph leaves no
 * single line alone at the foot or the head of a page, table rows move to
 * the next page whole (a row taller than a page is split between lines)
 * and the table's header rows are repeated there, a photo and its caption
 * stay together.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <math.h>
#include <string.h>

#include "tr-pdf-layout.h"
#include "tr-pdf-private.h"
#include "tr-typeface.h"

#define BODY_TOP     TR_DOC_MARGIN
#define BODY_BOTTOM  (TR_DOC_PAGE_HEIGHT - TR_DOC_MARGIN)
#define FOOTER_TOP   (BODY_BOTTOM + TR_DOC_FOOTER_GAP)
#define RULE_WIDTH   0.5
/* How much heavier bold text is drawn, as a share of its size. */
#define FAKE_BOLD    0.03
/* A justified line is stretched only when it is this full: a line cut
 * short by a long word stays as it is rather than gapping. */
#define JUSTIFY_MIN_FILL 0.75
/* Lines of a paragraph kept together at the foot and the head of a page. */
#define MIN_LINES 2
/* cairo 1.16 writes a damaged cross-reference table into a PDF that has
 * links (CAIRO_TAG_LINK); 1.18 does not. The entries of the 目次 link to
 * their headings from it on. */
#define LINKS_WORK (cairo_version () >= CAIRO_VERSION_ENCODE (1, 18, 0))

typedef enum {
  OP_TEXT,      /* lines of a text */
  OP_RULE,      /* a table's line */
  OP_PHOTO,
  OP_CONTENTS,  /* an entry of the 目次: its text, leader and page */
  OP_ANCHOR,    /* where a heading is, for links to it */
} OpKind;

typedef struct {
  OpKind      kind;
  double      x;
  double      y;
  TrPdfText  *text;
  guint       first_line;
  guint       n_lines;
  double      x2;          /* rules: the other end; contents: the right edge */
  double      y2;
  TrDocPhoto *photo;
  guint       heading;     /* contents and anchors */
} Op;

typedef struct {
  GArray   *ops;           /* Op */
  gboolean  numbered;
} Page;

typedef struct {
  guint  page;
  double y;
} Place;

/* What one thread sets text with: a font map is not for two threads at a
 * time. The ascent and descent of each font its texts use (FontExtent);
 * the advance of each character its texts have had, by font size and
 * weight (see get_char_widths()). */
typedef struct {
  PangoFontMap *font_map;
  PangoContext *context;
  GHashTable   *font_extents;
  GHashTable   *char_widths;
} Shaper;

struct _TrPdfLayout {
  GObject        parent_instance;

  TrDocument    *document;
  Shaper         shaper;
  /* The second thread's, which set some of the texts: kept with them. */
  Shaper         helper;
  char          *families;
  gboolean       fake_bold;
  GPtrArray     *texts;          /* TrPdfText */
  GPtrArray     *pages;          /* Page */
  GArray        *headings;       /* Place, one per heading of the document */
  GPtrArray     *page_counts;    /* TrPdfText showing the number of pages */
  /* The texts of the body's blocks, made once: when a block is looked at
   * before its turn (what a heading is kept with), and at its turn. */
  GHashTable    *block_texts;
  /* For bold drawn heavier: per cairo font (one for the same face and
   * size from either font map), per glyph, copies of the stroke of its
   * outline (recording surfaces), drawn once and placed wherever the
   * glyph is; and how many copies the page being drawn has used. */
  GHashTable    *bold_strokes;
  GHashTable    *bold_uses;
  /* The page number in the footer, set anew for each page. */
  TrPdfText     *footer;
};

typedef struct {
  double ascent;
  double descent;
} FontExtent;

G_DEFINE_FINAL_TYPE (TrPdfLayout, tr_pdf_layout, G_TYPE_OBJECT)

/* Text ------------------------------------------------------------------ */

static void
text_free (TrPdfText *text)
{
  g_clear_object (&text->layout);
  g_free (text->lines);
  g_free (text->tops);
  g_free (text->baselines);
  g_free (text->lefts);
  g_free (text);
}

/* What Pango should not see: invalid UTF-8, and the control characters
 * PDF extraction leaves behind, which it would draw as boxes. Removed
 * byte by byte from a valid copy: there, a byte below 0x80 is a character
 * of its own, and EF BF BE or EF BF BF can only be U+FFFE or U+FFFF. */
static char *
clean_text (const char *text)
{
  char *clean = g_utf8_make_valid (text, -1);
  char *to = clean;

  for (const char *from = clean; *from != '\0';)
    {
      guchar c = (guchar) from[0];

      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7F)
        from++;
      else if (c == 0xEF && (guchar) from[1] == 0xBF && ((guchar) from[2] == 0xBE || (guchar) from[2] == 0xBF))
        from += 3;
      else
        *to++ = *from++;
    }
  *to = '\0';
  return clean;
}

static FontExtent *
get_font_extent (Shaper    *shaper,
                 PangoFont *font)
{
  FontExtent *extent = g_hash_table_lookup (shaper->font_extents, font);

  if (extent == NULL)
    {
      PangoFontMetrics *metrics = pango_font_get_metrics (font, NULL);

      extent = g_new (FontExtent, 1);
      extent->ascent = (double) pango_font_metrics_get_ascent (metrics) / PANGO_SCALE;
      extent->descent = (double) pango_font_metrics_get_descent (metrics) / PANGO_SCALE;
      pango_font_metrics_unref (metrics);
      g_hash_table_insert (shaper->font_extents, g_object_ref (font), extent);
    }
  return extent;
}

/* Where each line goes. A line is as high as the ascent and descent of
 * its faces, as word processors set it (Pango's own line boxes are a
 * little higher); a style with a line height of, say, 150% gives each
 * line one and a half times that, the text at its top and the space under
 * it, as LibreOffice does: single lines too, which Pango's own line
 * spacing leaves alone. */
static void
measure_lines (Shaper    *shaper,
               TrPdfText *text)
{
  double factor = text->info->line_height > 0 ? text->info->line_height : 1.0;
  PangoLayoutIter *iter;
  PangoRectangle logical;
  FontExtent *primary;
  double top = 0;
  guint i = 0;

  {
    PangoContext *context = pango_layout_get_context (text->layout);
    PangoFont *font = pango_context_load_font (context, pango_layout_get_font_description (text->layout));

    primary = get_font_extent (shaper, font);
    g_object_unref (font);
  }

  g_free (text->lines);
  g_free (text->tops);
  g_free (text->baselines);
  g_free (text->lefts);
  text->n_lines = pango_layout_get_line_count (text->layout);
  text->lines = g_new0 (PangoLayoutLine *, text->n_lines);
  text->tops = g_new0 (double, text->n_lines + 1);
  text->baselines = g_new0 (double, text->n_lines);
  text->lefts = g_new0 (double, text->n_lines);

  iter = pango_layout_get_iter (text->layout);
  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      double ascent = 0, descent = 0;

      for (GSList *l = line->runs; l != NULL; l = l->next)
        {
          FontExtent *extent = get_font_extent (shaper, ((PangoGlyphItem *) l->data)->item->analysis.font);

          ascent = MAX (ascent, extent->ascent);
          descent = MAX (descent, extent->descent);
        }
      if (line->runs == NULL)
        {
          ascent = primary->ascent;
          descent = primary->descent;
        }
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      text->lines[i] = line;
      text->tops[i] = top;
      text->lefts[i] = (double) logical.x / PANGO_SCALE;
      text->baselines[i] = top + ascent;
      top += factor * (ascent + descent);
      i++;
    }
  while (i < text->n_lines && pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  text->tops[text->n_lines] = top;
}

static double
text_height (TrPdfText *text)
{
  return text->tops[text->n_lines];
}

/* Line-long items ------------------------------------------------------- */

/* Pango shapes an item again for each place it tries to break it at, from
 * the start of the line to that place: half a dozen times a line for
 * Chinese, which may break between any two characters. An item that ends
 * where the line will end fits whole, and is shaped twice at most. The
 * text is cut into such items where it will most likely break, foreseen
 * from the widths of the characters set before; Pango still breaks the
 * lines, so that a wrong guess costs time, never a different line. */

/* The advance of each character of the Basic Multilingual Plane in one
 * font size and weight, in Pango units; UNKNOWN_WIDTH when not seen yet.
 * Kept in blocks of 256 characters, made when one of theirs is learnt: a
 * report uses a few thousand characters of the 65,536, and a table of
 * them all, for each size and weight and in each thread, was megabytes
 * to fill for every export. */
#define UNKNOWN_WIDTH  G_MININT32
#define N_CHAR_WIDTHS  0x10000
#define WIDTH_BLOCK    256
#define N_WIDTH_BLOCKS (N_CHAR_WIDTHS / WIDTH_BLOCK)

typedef struct {
  gint32 *blocks[N_WIDTH_BLOCKS];
} CharWidths;

static void
char_widths_free (CharWidths *widths)
{
  for (guint i = 0; i < N_WIDTH_BLOCKS; i++)
    g_free (widths->blocks[i]);
  g_free (widths);
}

static int
char_widths_get (const CharWidths *widths,
                 gunichar          c)
{
  const gint32 *block;

  if (c >= N_CHAR_WIDTHS)
    return UNKNOWN_WIDTH;
  block = widths->blocks[c / WIDTH_BLOCK];
  return block != NULL ? block[c % WIDTH_BLOCK] : UNKNOWN_WIDTH;
}

static void
char_widths_set (CharWidths *widths,
                 gunichar    c,
                 int         width)
{
  gint32 **block;

  if (c >= N_CHAR_WIDTHS)
    return;
  block = &widths->blocks[c / WIDTH_BLOCK];
  if (*block == NULL)
    {
      *block = g_new (gint32, WIDTH_BLOCK);
      for (guint i = 0; i < WIDTH_BLOCK; i++)
        (*block)[i] = UNKNOWN_WIDTH;
    }
  (*block)[c % WIDTH_BLOCK] = width;
}

static CharWidths *
get_char_widths (Shaper                     *shaper,
                 const PangoFontDescription *font)
{
  gpointer key = GINT_TO_POINTER (pango_font_description_get_size (font) * 2 +
                                  (pango_font_description_get_weight (font) >= PANGO_WEIGHT_BOLD));
  CharWidths *widths = g_hash_table_lookup (shaper->char_widths, key);

  if (widths == NULL)
    {
      widths = g_new0 (CharWidths, 1);
      g_hash_table_insert (shaper->char_widths, key, widths);
    }
  return widths;
}

/* Between two characters that Chinese text is broken between: an
 * ideograph after an ideograph or after closing punctuation. */
static gboolean
is_likely_break (gunichar before,
                 gunichar after)
{
  if (g_unichar_break_type (after) != G_UNICODE_BREAK_IDEOGRAPHIC)
    return FALSE;
  switch ((int) g_unichar_break_type (before))
    {
    case G_UNICODE_BREAK_IDEOGRAPHIC:
    case G_UNICODE_BREAK_CLOSE_PUNCTUATION:
    case G_UNICODE_BREAK_CLOSE_PARENTHESIS:
    case G_UNICODE_BREAK_NON_STARTER:
    case G_UNICODE_BREAK_EXCLAMATION:
      return TRUE;
    default:
      return FALSE;
    }
}

/* Items for @layout's text, from byte @start (after a marker and its tab),
 * that end where its lines will likely end. An ideograph not seen yet is
 * taken to be @em wide, as in any Chinese face; FALSE when the width of
 * another character is not known yet, and the rest of the text is one
 * item. */
static gboolean
cut_line_items (PangoLayout      *layout,
                const CharWidths *widths,
                int               em,
                int               start,
                int               x,
                int               first_width,
                int               width)
{
  const char *text = pango_layout_get_text (layout);
  PangoAttrList *items = NULL;
  int line_start = start, cut = -1, x_at_cut = 0, line_width = first_width;
  gunichar before = 0;
  gboolean known = TRUE;

  for (const char *p = text + start; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      int at = (int) (p - text);
      int advance = char_widths_get (widths, c);

      /* A line of its own or a tab stop: not foreseen. */
      if (c == '\n' || c == '\t')
        break;
      if (advance == UNKNOWN_WIDTH)
        {
          known = FALSE;
          if (g_unichar_break_type (c) != G_UNICODE_BREAK_IDEOGRAPHIC)
            break;
          advance = em;
        }
      if (at > line_start && is_likely_break (before, c))
        {
          cut = at;
          x_at_cut = x;
        }
      if (x + advance > line_width && cut > line_start)
        {
          /* One attribute for each item: where an attribute starts or
           * ends, Pango starts a new item. Fallback is on anyway. */
          PangoAttribute *attribute = pango_attr_fallback_new (TRUE);

          attribute->start_index = (guint) line_start;
          attribute->end_index = (guint) cut;
          if (items == NULL)
            items = pango_attr_list_new ();
          pango_attr_list_insert (items, attribute);
          line_start = cut;
          x -= x_at_cut;
          line_width = width;
        }
      x += advance;
      before = c;
    }
  if (items != NULL)
    {
      pango_layout_set_attributes (layout, items);
      pango_attr_list_unref (items);
    }
  return known;
}

/* Learns the advances of the characters @text was set with: each
 * character its own cluster of one glyph. Before justifying. */
static void
learn_char_widths (TrPdfText  *text,
                   CharWidths *widths)
{
  const char *chars = pango_layout_get_text (text->layout);

  for (guint i = 0; i < text->n_lines; i++)
    for (GSList *l = text->lines[i]->runs; l != NULL; l = l->next)
      {
        PangoGlyphItem *run = l->data;
        PangoGlyphItemIter iter;

        for (gboolean more = pango_glyph_item_iter_init_start (&iter, run, chars); more;
             more = pango_glyph_item_iter_next_cluster (&iter))
          {
            gunichar c;

            if (iter.end_char - iter.start_char != 1 || iter.end_glyph - iter.start_glyph != 1)
              continue;
            c = g_utf8_get_char (chars + iter.start_index);
            if (c != '\t')
              char_widths_set (widths, c, run->glyphs->glyphs[iter.start_glyph].geometry.width);
          }
      }
}

/* Spreads what a justified line lacks of the full width. A line of
 * full-width characters only (ideographs, CJK punctuation: an em each)
 * fills the measure, a whole number of ems (see TR_DOC_TEXT_WIDTH), and is
 * left as it is. What narrow characters (Latin, digits) leave over goes
 * first where they meet ideographs, up to half an em each, as CJK
 * typesetting spaces them (JLREQ); the rest, in a line cut short (a long
 * word, or no closing punctuation at the start of the next), over the gaps
 * between all its characters; never before a tab, which sets where the
 * text after it starts. Pango would widen the spaces only, when there are
 * some: one space in a line of Chinese would open a hole. Each glyph moved
 * from its advance costs a number in the PDF's text, for cairo to write
 * and zlib to compress. */
static void
justify_line (PangoLayoutLine *line,
              int              width,
              int              em)
{
  const char *chars = pango_layout_get_text (line->layout);
  PangoRectangle logical;
  int extra, gaps = 0, boundaries = 0, after_tab = 0;
  int at_boundaries = 0, spread = 0, gap = 0, boundary = 0, done = 0, boundary_done = 0;

  pango_layout_line_get_extents (line, NULL, &logical);
  extra = width - logical.width;
  if (extra <= 0 || logical.width < width * JUSTIFY_MIN_FILL)
    return;

  for (int pass = 0; pass < 2; pass++)
    {
      /* The character before the gap being looked at: its last glyph,
       * which the gap widens, whether it is an em wide and whether it is
       * punctuation, which has room enough in its em. */
      PangoGlyphInfo *before = NULL;
      gboolean before_full = FALSE, before_punct = FALSE;
      int cluster = 0;

      for (GSList *l = line->runs; l != NULL; l = l->next)
        {
          PangoGlyphItem *run = l->data;
          PangoGlyphItemIter iter;
          gboolean more;

          for (more = pango_glyph_item_iter_init_start (&iter, run, chars);
               more; more = pango_glyph_item_iter_next_cluster (&iter))
            {
              int cluster_width = 0;
              gboolean full, punct, meet;

              if (pass == 0 && chars[iter.start_index] == '\t')
                {
                  gaps = boundaries = 0;
                  after_tab = cluster + 1;
                  before = NULL;
                }
              if (cluster++ < after_tab)
                continue;
              for (int g = iter.start_glyph; g < iter.end_glyph; g++)
                cluster_width += run->glyphs->glyphs[g].geometry.width;
              full = cluster_width == em;
              punct = g_unichar_ispunct (g_utf8_get_char (chars + iter.start_index));
              meet = full != before_full && !punct && !before_punct;
              if (before != NULL && pass == 0)
                {
                  gaps++;
                  boundaries += meet;
                }
              else if (before != NULL)
                {
                  int share = 0;

                  if (meet && at_boundaries > 0)
                    {
                      boundary++;
                      share = (int) ((gint64) at_boundaries * boundary / boundaries) - boundary_done;
                      boundary_done += share;
                    }
                  if (spread > 0)
                    {
                      int part;

                      gap++;
                      part = (int) ((gint64) spread * gap / gaps) - done;
                      done += part;
                      share += part;
                    }
                  before->geometry.width += share;
                }
              before = &run->glyphs->glyphs[MAX (iter.start_glyph, iter.end_glyph - 1)];
              before_full = full;
              before_punct = punct;
            }
        }
      if (gaps == 0)
        return;
      at_boundaries = MIN (extra, boundaries * (em / 2));
      spread = extra - at_boundaries;
    }
}

static void
justify (TrPdfText *text,
         int        width,
         int        indent,
         int        em)
{
  /* Every line but a paragraph's last: Pango starts a paragraph at a
   * line break inside the text too. */
  for (guint i = 0; i + 1 < text->n_lines; i++)
    {
      PangoLayoutLine *next = text->lines[i + 1];
      int line_width = width;

      if (next->is_paragraph_start)
        continue;
      if (text->lines[i]->is_paragraph_start)
        line_width -= MAX (indent, 0);
      else
        line_width -= MAX (-indent, 0);
      justify_line (text->lines[i], line_width, em);
    }
}

/* @content set in a box @width wide in the way of @style; @marker, when
 * given, before it with a tab to the hanging indent. */
static TrPdfText *
make_text (TrPdfLayout *self,
           Shaper      *shaper,
           TrDocStyle   style,
           const char  *marker,
           const char  *content,
           double       width)
{
  TrPdfText *text = g_new0 (TrPdfText, 1);
  const TrDocStyleInfo *info = tr_doc_style_get_info (style);
  PangoFontDescription *font = pango_font_description_new ();
  g_autofree char *clean = clean_text (content);
  int indent = (int) (info->text_indent * PANGO_SCALE);
  int layout_width, text_start = 0, x = 0;
  CharWidths *widths;
  gboolean known;

  text->info = info;
  text->x_offset = info->margin_left + MIN (info->text_indent, 0);
  layout_width = (int) ((width - text->x_offset) * PANGO_SCALE);

  pango_font_description_set_family (font, self->families);
  pango_font_description_set_size (font, (int) (info->size * PANGO_SCALE));
  if (info->bold && !self->fake_bold)
    pango_font_description_set_weight (font, PANGO_WEIGHT_BOLD);
  text->fake_bold = info->bold && self->fake_bold;

  text->layout = pango_layout_new (shaper->context);
  pango_layout_set_font_description (text->layout, font);
  pango_layout_set_width (text->layout, MAX (layout_width, PANGO_SCALE));
  pango_layout_set_wrap (text->layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_indent (text->layout, indent);
  pango_layout_set_alignment (text->layout,
                              info->align == TR_DOC_ALIGN_CENTER ? PANGO_ALIGN_CENTER : PANGO_ALIGN_LEFT);

  if (marker != NULL)
    {
      g_autofree char *clean_marker = clean_text (marker);
      g_autofree char *line = g_strconcat (clean_marker, "\t", clean, NULL);
      PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT,
                                                               (int) -info->text_indent);

      pango_layout_set_tabs (text->layout, tabs);
      pango_tab_array_free (tabs);
      pango_layout_set_text (text->layout, line, -1);
      text_start = (int) strlen (clean_marker) + 1;
      /* The text starts at the tab, on the hanging indent. */
      x = (int) (-info->text_indent * PANGO_SCALE);
    }
  else
    pango_layout_set_text (text->layout, clean, -1);

  /* Pango indents a paragraph's first line by a positive indent, the
   * others by a negative one. */
  widths = get_char_widths (shaper, font);
  known = cut_line_items (text->layout, widths, pango_font_description_get_size (font), text_start, x,
                          MAX (layout_width, PANGO_SCALE) - MAX (indent, 0),
                          MAX (layout_width, PANGO_SCALE) - MAX (-indent, 0));
  pango_font_description_free (font);

  measure_lines (shaper, text);
  if (!known)
    learn_char_widths (text, widths);
  if (info->align == TR_DOC_ALIGN_JUSTIFY)
    justify (text, layout_width, indent, (int) (info->size * PANGO_SCALE));
  return text;
}

/* The same, kept with the layout for the pages to draw. */
static TrPdfText *
new_text (TrPdfLayout *self,
          TrDocStyle   style,
          const char  *marker,
          const char  *content,
          double       width)
{
  TrPdfText *text = make_text (self, &self->shaper, style, marker, content, width);

  g_ptr_array_add (self->texts, text);
  return text;
}

static TrPdfText *
new_paragraph_text (TrPdfLayout    *self,
                    TrDocParagraph *paragraph,
                    double          width)
{
  TrPdfText *text;

  if (paragraph->field == TR_DOC_FIELD_PAGE_COUNT)
    {
      /* Laid out with a stand-in of the same height; the count once the
       * pages are known. */
      text = new_text (self, paragraph->style, NULL, "0", width);
      g_ptr_array_add (self->page_counts, text);
      return text;
    }
  return new_text (self, paragraph->style, paragraph->marker, paragraph->text, width);
}

/* The text of a paragraph or a heading of the body, as wide as the text. */
static TrPdfText *
paragraph_text (TrPdfLayout    *self,
                TrDocParagraph *paragraph)
{
  TrPdfText *text = g_hash_table_lookup (self->block_texts, paragraph);

  if (text == NULL)
    {
      text = new_paragraph_text (self, paragraph, TR_DOC_TEXT_WIDTH);
      g_hash_table_insert (self->block_texts, paragraph, text);
    }
  return text;
}

static TrPdfText *
heading_text (TrPdfLayout  *self,
              TrDocHeading *heading)
{
  TrPdfText *text = g_hash_table_lookup (self->block_texts, heading);

  if (text == NULL)
    {
      text = new_text (self, TR_DOC_STYLE_HEADING, NULL, heading->label, TR_DOC_TEXT_WIDTH);
      g_hash_table_insert (self->block_texts, heading, text);
    }
  return text;
}

/* Pages ----------------------------------------------------------------- */

typedef struct {
  TrPdfLayout *self;
  Page        *page;
  double       y;
  /* Nothing on the page yet; and the page was started on purpose (not by
   * text running over), where space above a paragraph still counts. */
  gboolean     empty;
  gboolean     by_break;
} Flow;

static void
page_free (Page *page)
{
  g_array_unref (page->ops);
  g_free (page);
}

static void
new_page (Flow     *flow,
          gboolean  numbered,
          gboolean  by_break)
{
  Page *page = g_new0 (Page, 1);

  page->ops = g_array_new (FALSE, TRUE, sizeof (Op));
  page->numbered = numbered;
  g_ptr_array_add (flow->self->pages, page);
  flow->page = page;
  flow->y = BODY_TOP;
  flow->empty = TRUE;
  flow->by_break = by_break;
}

/* A page for what runs over: numbered, as the page style after the cover's. */
static void
next_page (Flow *flow)
{
  new_page (flow, TRUE, FALSE);
}

static void
add_op (Flow     *flow,
        const Op *op)
{
  g_array_append_val (flow->page->ops, *op);
  flow->empty = FALSE;
}

static void
add_lines (Flow      *flow,
           TrPdfText *text,
           double     x,
           double     y,
           guint      first,
           guint      n)
{
  Op op = { .kind = OP_TEXT, .x = x, .y = y, .text = text, .first_line = first, .n_lines = n };

  add_op (flow, &op);
}

static void
add_rule (Flow   *flow,
          double  x,
          double  y,
          double  x2,
          double  y2)
{
  Op op = { .kind = OP_RULE, .x = x, .y = y, .x2 = x2, .y2 = y2 };

  add_op (flow, &op);
}

/* Starts the page a block asks for, unless the page is fresh already. */
static void
break_before (Flow       *flow,
              TrDocBreak  kind)
{
  if (kind == TR_DOC_BREAK_NONE)
    return;
  if (flow->page != NULL && flow->empty && flow->by_break)
    {
      /* A cover page stays unnumbered, a numbered one numbered. */
      flow->page->numbered = kind != TR_DOC_BREAK_COVER_PAGE;
      return;
    }
  new_page (flow, kind != TR_DOC_BREAK_COVER_PAGE, TRUE);
}

/* Space above a block: not at the head of a page it ran over to. */
static void
space_before (Flow   *flow,
              double  space)
{
  if (!flow->empty || flow->by_break)
    flow->y += space;
}

/* Places @text's lines from the flow's position down, page after page. */
static void
flow_text (Flow      *flow,
           TrPdfText *text,
           double     x)
{
  guint line = 0;

  x += text->x_offset;
  while (line < text->n_lines)
    {
      double top = text->tops[line];
      guint fit = 0;
      guint left;

      while (line + fit < text->n_lines && text->tops[line + fit + 1] - top <= BODY_BOTTOM - flow->y + 0.01)
        fit++;
      left = text->n_lines - line - fit;

      if (left > 0 && !flow->empty)
        {
          /* No line alone at the foot of a page … */
          if (line == 0 && fit < MIN_LINES)
            fit = 0;
          /* … nor at its head. */
          else if (left < MIN_LINES && fit > MIN_LINES)
            fit -= MIN_LINES - left;
        }
      if (fit == 0 && flow->empty)
        fit = 1;  /* a line taller than a page: it goes all the same */

      if (fit > 0)
        {
          add_lines (flow, text, x, flow->y, line, fit);
          flow->y += text->tops[line + fit] - top;
          line += fit;
        }
      if (line < text->n_lines)
        next_page (flow);
    }
}

/* How high the first lines of @text are, which must go with what is kept
 * with them. */
static double
first_lines_height (TrPdfText *text)
{
  return text->tops[MIN (text->n_lines, MIN_LINES)];
}

/* Tables ----------------------------------------------------------------- */

typedef struct {
  TrPdfText  *text;   /* or NULL for the photo */
  guint       line;
  double      top;    /* in the cell's content */
  double      bottom;
} Piece;

typedef struct {
  TrDocCell *cell;
  double     x;
  double     width;
  GArray    *pieces;  /* Piece, top to bottom */
  double     height;  /* of the content, without the padding */
} CellBox;

typedef struct {
  TrDocTable *table;
  CellBox    *cells;  /* rows × columns, by row */
  double     *heights;
  double      x;
} TableBox;

static CellBox *
cell_box (TableBox *box,
          guint     row,
          guint     column)
{
  return &box->cells[row * box->table->n_columns + column];
}

static void
add_piece (CellBox   *cell,
           TrPdfText *text,
           guint      line,
           double     top,
           double     bottom)
{
  Piece piece = { text, line, top, bottom };

  g_array_append_val (cell->pieces, piece);
}

static void
lay_out_cell (TrPdfLayout *self,
              TrDocTable  *table,
              CellBox     *box)
{
  double width = box->width - 2 * table->padding;
  double y = 0;

  box->pieces = g_array_new (FALSE, TRUE, sizeof (Piece));
  if (box->cell->photo != NULL)
    {
      add_piece (box, NULL, 0, 0, box->cell->photo->height);
      y = box->cell->photo->height;
    }
  for (guint i = 0; i < box->cell->paragraphs->len; i++)
    {
      TrDocParagraph *paragraph = g_ptr_array_index (box->cell->paragraphs, i);
      TrPdfText *text = new_paragraph_text (self, paragraph, width);

      y += text->info->space_before;
      for (guint l = 0; l < text->n_lines; l++)
        add_piece (box, text, l, y + text->tops[l], y + text->tops[l + 1]);
      y += text_height (text) + text->info->space_after;
    }
  box->height = y;
}

static TableBox *
lay_out_table (TrPdfLayout *self,
               TrDocTable  *table)
{
  TableBox *box = g_new0 (TableBox, 1);
  guint n_rows = table->rows->len;
  double total = 0;

  box->table = table;
  box->cells = g_new0 (CellBox, MAX (n_rows * table->n_columns, 1));
  box->heights = g_new0 (double, MAX (n_rows, 1));
  for (guint c = 0; c < table->n_columns; c++)
    total += table->column_widths[c];
  /* Centred between the margins, as table:align="margins" does for a
   * table as wide as the text. */
  box->x = TR_DOC_MARGIN_SIDE + MAX (TR_DOC_TEXT_WIDTH - total, 0) / 2;

  for (guint r = 0; r < n_rows; r++)
    {
      TrDocRow *row = g_ptr_array_index (table->rows, r);
      double x = box->x;

      box->heights[r] = row->min_height;
      for (guint c = 0; c < table->n_columns; c++)
        {
          TrDocCell *cell = g_ptr_array_index (row->cells, c);
          CellBox *box_cell = cell_box (box, r, c);

          box_cell->cell = cell;
          box_cell->x = x;
          box_cell->width = 0;
          for (guint s = c; s < MIN (c + cell->column_span, table->n_columns); s++)
            box_cell->width += table->column_widths[s];
          x += table->column_widths[c];
          if (cell->covered)
            continue;
          lay_out_cell (self, table, box_cell);
          if (cell->row_span == 1)
            box->heights[r] = MAX (box->heights[r], box_cell->height + 2 * table->padding);
        }
    }

  /* A cell over several rows makes the last of them as high as it needs. */
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < table->n_columns; c++)
      {
        CellBox *cell = cell_box (box, r, c);
        guint last;
        double spanned = 0;

        if (cell->cell->covered || cell->cell->row_span == 1)
          continue;
        last = MIN (r + cell->cell->row_span, n_rows) - 1;
        for (guint s = r; s <= last; s++)
          spanned += box->heights[s];
        if (cell->height + 2 * table->padding > spanned)
          box->heights[last] += cell->height + 2 * table->padding - spanned;
      }
  return box;
}

static void
table_box_free (TableBox *box)
{
  for (guint i = 0; i < box->table->rows->len * box->table->n_columns; i++)
    g_clear_pointer (&box->cells[i].pieces, g_array_unref);
  g_free (box->cells);
  g_free (box->heights);
  g_free (box);
}

/* The rows from @row that cells spanning rows tie to it: they go on one
 * page. */
static guint
row_group_end (TableBox *box,
               guint     row)
{
  guint end = row + 1;

  for (guint r = row; r < end; r++)
    for (guint c = 0; c < box->table->n_columns; c++)
      {
        TrDocCell *cell = cell_box (box, r, c)->cell;

        if (!cell->covered)
          end = MAX (end, MIN (r + cell->row_span, box->table->rows->len));
      }
  return end;
}

static double
rows_height (TableBox *box,
             guint     from,
             guint     to)
{
  double height = 0;

  for (guint r = from; r < to; r++)
    height += box->heights[r];
  return height;
}

static void
add_cell_borders (Flow   *flow,
                  double  x,
                  double  y,
                  double  width,
                  double  height)
{
  add_rule (flow, x, y, x + width, y);
  add_rule (flow, x, y + height, x + width, y + height);
  add_rule (flow, x, y, x, y + height);
  add_rule (flow, x + width, y, x + width, y + height);
}

/* The pieces of @cell from @from (in its content) that end by @to, at
 * @y on the page, moved down by @shift; returns the first piece left. */
static guint
add_cell_pieces (Flow    *flow,
                 CellBox *cell,
                 double   padding,
                 guint    first,
                 double   to,
                 double   y,
                 double   shift)
{
  guint i = first;
  double from = first < cell->pieces->len ? g_array_index (cell->pieces, Piece, first).top : 0;

  for (; i < cell->pieces->len; i++)
    {
      Piece *piece = &g_array_index (cell->pieces, Piece, i);
      double top = y + padding + shift + piece->top - from;

      if (piece->bottom > to + 0.01)
        break;
      if (piece->text == NULL)
        {
          TrDocPhoto *photo = cell->cell->photo;
          Op op = { .kind = OP_PHOTO, .photo = photo, .y = top,
                    .x = cell->x + (cell->width - photo->width) / 2,
                    .x2 = photo->width, .y2 = photo->height };

          add_op (flow, &op);
        }
      else
        add_lines (flow, piece->text, cell->x + padding + piece->text->x_offset, top, piece->line, 1);
    }
  return i;
}

/* Rows [@from, @to) whole, at the flow's position. */
static void
add_rows (Flow     *flow,
          TableBox *box,
          guint     from,
          guint     to)
{
  TrDocTable *table = box->table;
  double y = flow->y;

  for (guint r = from; r < to; r++)
    {
      for (guint c = 0; c < table->n_columns; c++)
        {
          CellBox *cell = cell_box (box, r, c);
          guint last = MIN (r + cell->cell->row_span, box->table->rows->len);
          double height = rows_height (box, r, last);
          double room = height - 2 * table->padding - cell->height;
          double shift = table->valign == TR_DOC_VALIGN_MIDDLE ? room / 2
                       : table->valign == TR_DOC_VALIGN_BOTTOM ? room : 0;

          if (cell->cell->covered)
            continue;
          if (table->borders)
            add_cell_borders (flow, cell->x, y, cell->width, height);
          add_cell_pieces (flow, cell, table->padding, 0, G_MAXDOUBLE, y, shift);
        }
      y += box->heights[r];
    }
  flow->y = y;
}

static void
add_header_rows (Flow     *flow,
                 TableBox *box)
{
  if (box->table->n_header_rows > 0)
    add_rows (flow, box, 0, MIN (box->table->n_header_rows, box->table->rows->len));
}

/* A row taller than what is left of a fresh page: its cells' lines go on
 * as many pages as they need, the header rows repeated on each. */
static void
split_row (Flow     *flow,
           TableBox *box,
           guint     row)
{
  TrDocTable *table = box->table;
  guint n = table->n_columns;
  g_autofree guint *next = g_new0 (guint, n);
  gboolean done = FALSE;

  while (!done)
    {
      double room = BODY_BOTTOM - flow->y - 2 * table->padding;
      double height = 0;
      gboolean any = FALSE;

      done = TRUE;
      for (guint c = 0; c < n; c++)
        {
          CellBox *cell = cell_box (box, row, c);
          guint start = next[c];
          guint end;
          double from, bottom;

          if (cell->cell->covered || start >= cell->pieces->len)
            continue;
          from = g_array_index (cell->pieces, Piece, start).top;
          end = start;
          while (end < cell->pieces->len &&
                 g_array_index (cell->pieces, Piece, end).bottom - from <= room + 0.01)
            end++;
          /* A page that has nothing else takes a piece all the same. */
          if (end == start && flow->empty)
            end = start + 1;
          if (end > start)
            {
              any = TRUE;
              bottom = g_array_index (cell->pieces, Piece, end - 1).bottom;
              height = MAX (height, bottom - from);
            }
          if (end < cell->pieces->len)
            done = FALSE;
        }

      if (!any)
        {
          next_page (flow);
          add_header_rows (flow, box);
          done = FALSE;
          continue;
        }

      height += 2 * table->padding;
      for (guint c = 0; c < n; c++)
        {
          CellBox *cell = cell_box (box, row, c);
          double to;

          if (cell->cell->covered)
            continue;
          if (table->borders)
            add_cell_borders (flow, cell->x, flow->y, cell->width, height);
          if (next[c] >= cell->pieces->len)
            continue;
          to = g_array_index (cell->pieces, Piece, next[c]).top + height - 2 * table->padding;
          next[c] = add_cell_pieces (flow, cell, table->padding, next[c], to, flow->y, 0);
        }
      flow->y += height;
      if (!done)
        {
          next_page (flow);
          add_header_rows (flow, box);
        }
    }
}

static double
table_start_height (TableBox *box)
{
  guint header = MIN (box->table->n_header_rows, box->table->rows->len);
  guint first_end = header < box->table->rows->len ? row_group_end (box, header) : header;

  return rows_height (box, 0, first_end);
}

static void
flow_table (Flow       *flow,
            TrDocTable *table)
{
  TrPdfLayout *self = flow->self;
  TableBox *box = lay_out_table (self, table);
  guint header = MIN (table->n_header_rows, table->rows->len);
  double body_height = BODY_BOTTOM - BODY_TOP;

  if (table->caption != NULL)
    {
      TrPdfText *caption = new_paragraph_text (self, table->caption, TR_DOC_TEXT_WIDTH);

      space_before (flow, caption->info->space_before);
      /* The caption goes with the table's start. */
      if (!flow->empty &&
          flow->y + text_height (caption) + caption->info->space_after + table_start_height (box) > BODY_BOTTOM)
        next_page (flow);
      flow_text (flow, caption, TR_DOC_MARGIN_SIDE);
      flow->y += caption->info->space_after;
    }

  space_before (flow, table->space_before);
  if (!flow->empty && flow->y + table_start_height (box) > BODY_BOTTOM &&
      table_start_height (box) <= body_height)
    next_page (flow);
  add_header_rows (flow, box);

  for (guint r = header; r < table->rows->len;)
    {
      guint end = row_group_end (box, r);
      double height = rows_height (box, r, end);
      double header_height = rows_height (box, 0, header);

      if (flow->y + height > BODY_BOTTOM + 0.01)
        {
          gboolean fits_a_page = height <= body_height - header_height;

          if (fits_a_page && flow->y > BODY_TOP + header_height + 0.01)
            {
              next_page (flow);
              add_header_rows (flow, box);
            }
          /* Taller than a page, kept together or not: split, or the
           * rest would run off the page. */
          else if (!fits_a_page && end == r + 1)
            {
              split_row (flow, box, r);
              r = end;
              continue;
            }
          else if (!fits_a_page && end > r + 1)
            /* Rows tied together but higher than a page: one by one. */
            end = r + 1;
        }
      add_rows (flow, box, r, end);
      r = end;
    }
  flow->y += table->space_after;
  table_box_free (box);
}

/* The document ------------------------------------------------------------ */

static double
block_start_height (TrPdfLayout *self,
                    TrDocBlock  *block);

static void
flow_paragraph (Flow           *flow,
                TrDocParagraph *paragraph,
                TrDocBlock     *next)
{
  TrPdfText *text = paragraph_text (flow->self, paragraph);
  const TrDocStyleInfo *info = text->info;

  break_before (flow, info->break_before);
  if (flow->page == NULL)
    new_page (flow, info->break_before != TR_DOC_BREAK_COVER_PAGE, TRUE);
  space_before (flow, info->space_before);
  if (info->keep_with_next && next != NULL && !flow->empty &&
      flow->y + text_height (text) + info->space_after + block_start_height (flow->self, next) > BODY_BOTTOM)
    next_page (flow);
  flow_text (flow, text, TR_DOC_MARGIN_SIDE);
  flow->y += info->space_after;
}

static void
flow_heading (Flow         *flow,
              TrDocHeading *heading,
              guint         index,
              TrDocBlock   *next)
{
  TrPdfText *text = heading_text (flow->self, heading);
  const TrDocStyleInfo *info = text->info;
  Place place;
  Op anchor = { .kind = OP_ANCHOR, .heading = index };

  if (heading->new_page)
    break_before (flow, TR_DOC_BREAK_PAGE);
  space_before (flow, info->space_before);
  if (next != NULL && !flow->empty &&
      flow->y + text_height (text) + info->space_after + block_start_height (flow->self, next) > BODY_BOTTOM)
    next_page (flow);

  anchor.x = TR_DOC_MARGIN_SIDE;
  anchor.y = flow->y;
  add_op (flow, &anchor);
  place.page = flow->self->pages->len - 1;
  place.y = flow->y;
  g_array_append_val (flow->self->headings, place);

  flow_text (flow, text, TR_DOC_MARGIN_SIDE);
  flow->y += info->space_after;
}

static void
flow_contents (Flow          *flow,
               TrDocContents *contents)
{
  TrPdfLayout *self = flow->self;
  TrPdfText *title = new_text (self, TR_DOC_STYLE_CONTENTS_TITLE, NULL, contents->title, TR_DOC_TEXT_WIDTH);

  break_before (flow, title->info->break_before);
  space_before (flow, title->info->space_before);
  flow_text (flow, title, TR_DOC_MARGIN_SIDE);
  flow->y += title->info->space_after;

  for (guint i = 0; i < contents->headings->len; i++)
    {
      TrDocHeading *heading = g_ptr_array_index (contents->headings, i);
      /* Room on the right for the leader and the page number. */
      TrPdfText *text = new_text (self, TR_DOC_STYLE_CONTENTS_ENTRY, NULL, heading->label,
                                  TR_DOC_TEXT_WIDTH - 4 * TR_DOC_EM);
      guint index = 0;
      Op op = { .kind = OP_CONTENTS, .text = text, .x = TR_DOC_MARGIN_SIDE, .n_lines = text->n_lines,
                .x2 = TR_DOC_MARGIN_SIDE + TR_DOC_TEXT_WIDTH };

      g_ptr_array_find (self->document->headings, heading, &index);
      op.heading = index;
      if (flow->y + text_height (text) > BODY_BOTTOM)
        next_page (flow);
      op.y = flow->y;
      add_op (flow, &op);
      flow->y += text_height (text);
    }
}

/* How much of @block must fit under what is kept with it. */
static double
block_start_height (TrPdfLayout *self,
                    TrDocBlock  *block)
{
  switch (block->kind)
    {
    case TR_DOC_BLOCK_PARAGRAPH:
      {
        TrPdfText *text = paragraph_text (self, block->paragraph);

        if (text->info->break_before != TR_DOC_BREAK_NONE)
          return 0;
        return text->info->space_before + first_lines_height (text);
      }
    case TR_DOC_BLOCK_HEADING:
      {
        TrPdfText *text = heading_text (self, block->heading);

        if (block->heading->new_page)
          return 0;
        return text->info->space_before + text_height (text) + text->info->space_after;
      }
    case TR_DOC_BLOCK_TABLE:
      {
        /* The caption and the first rows, roughly: rows are laid out with
         * the table. */
        double height = block->table->space_before + 3 * TR_DOC_EM;

        if (block->table->caption != NULL)
          height += 2 * TR_DOC_EM;
        if (block->table->kind == TR_DOC_TABLE_PHOTOS && block->table->rows->len > 0)
          {
            TrDocRow *row = g_ptr_array_index (block->table->rows, 0);
            TrDocCell *cell = g_ptr_array_index (row->cells, 0);

            if (cell->photo != NULL)
              height += cell->photo->height;
          }
        return height;
      }
    case TR_DOC_BLOCK_CONTENTS:
    default:
      return 0;
    }
}

static void
set_page_counts (TrPdfLayout *self)
{
  g_autofree char *count = g_strdup_printf ("%u", self->pages->len);

  for (guint i = 0; i < self->page_counts->len; i++)
    {
      TrPdfText *text = g_ptr_array_index (self->page_counts, i);

      pango_layout_set_text (text->layout, count, -1);
      measure_lines (&self->shaper, text);
    }
}

static char *
get_families (TrDocument *document)
{
  const char * const *families = tr_typeface_get_families ();
  GString *list = g_string_new (document->typeface);

  for (guint i = 0; families[i] != NULL; i++)
    if (!g_str_equal (families[i], document->typeface))
      g_string_append_printf (list, ",%s", families[i]);
  return g_string_free (list, FALSE);
}

/* Font maps kept between layouts. A new one finds its faces through
 * fontconfig again, opens them and measures each glyph anew: some 40% of
 * exporting a 100-page report. A font map is not for two threads at a
 * time: each layout has one of its own, taken from here when one is free
 * and given back when the layout goes. */
#define MAX_IDLE_FONT_MAPS 2

static GMutex font_maps_lock;
static GSList *idle_font_maps;

static PangoFontMap *
take_font_map (void)
{
  PangoFontMap *font_map = NULL;

  g_mutex_lock (&font_maps_lock);
  if (idle_font_maps != NULL)
    {
      font_map = idle_font_maps->data;
      idle_font_maps = g_slist_delete_link (idle_font_maps, idle_font_maps);
    }
  g_mutex_unlock (&font_maps_lock);
  return font_map != NULL ? font_map : pango_cairo_font_map_new ();
}

static void
give_back_font_map (PangoFontMap *font_map)
{
  /* Only when nothing else holds it (a layout drawn from, a font). */
  if (G_OBJECT (font_map)->ref_count == 1)
    {
      g_mutex_lock (&font_maps_lock);
      if (g_slist_length (idle_font_maps) < MAX_IDLE_FONT_MAPS)
        {
          idle_font_maps = g_slist_prepend (idle_font_maps, font_map);
          font_map = NULL;
        }
      g_mutex_unlock (&font_maps_lock);
    }
  g_clear_object (&font_map);
}

/* A context of its own, in points, with metrics that no screen hints:
 * the pages are the same on paper, in a PDF and in any thread. */
static void
shaper_init (Shaper *shaper)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  shaper->font_map = take_font_map ();
  shaper->context = pango_font_map_create_context (shaper->font_map);
  pango_cairo_context_set_resolution (shaper->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (shaper->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_language (shaper->context, pango_language_from_string ("zh-tw"));
  /* Each glyph at its own advance, as the PDF's font has it: rounded to
   * whole points (the device units of a surface in points), Latin letters
   * sit up to half a point off, and cairo writes a correction after each. */
  pango_context_set_round_glyph_positions (shaper->context, FALSE);
  pango_context_set_base_dir (shaper->context, PANGO_DIRECTION_LTR);
  shaper->font_extents = g_hash_table_new_full (NULL, NULL, g_object_unref, g_free);
  shaper->char_widths = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) char_widths_free);
}

/* After the texts set with it are gone. */
static void
shaper_clear (Shaper *shaper)
{
  g_clear_pointer (&shaper->font_extents, g_hash_table_unref);
  g_clear_pointer (&shaper->char_widths, g_hash_table_unref);
  g_clear_object (&shaper->context);
  if (shaper->font_map != NULL)
    give_back_font_map (g_steal_pointer (&shaper->font_map));
}

static void
tr_pdf_layout_finalize (GObject *object)
{
  TrPdfLayout *self = TR_PDF_LAYOUT (object);

  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->page_counts, g_ptr_array_unref);
  g_clear_pointer (&self->block_texts, g_hash_table_unref);
  g_clear_pointer (&self->bold_uses, g_hash_table_unref);
  g_clear_pointer (&self->bold_strokes, g_hash_table_unref);
  g_clear_pointer (&self->texts, g_ptr_array_unref);
  g_clear_pointer (&self->footer, text_free);
  g_clear_pointer (&self->headings, g_array_unref);
  shaper_clear (&self->shaper);
  shaper_clear (&self->helper);
  g_free (self->families);
  g_clear_pointer (&self->document, tr_document_free);

  G_OBJECT_CLASS (tr_pdf_layout_parent_class)->finalize (object);
}

static void
tr_pdf_layout_class_init (TrPdfLayoutClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_pdf_layout_finalize;
}

static void
tr_pdf_layout_init (TrPdfLayout *self)
{
  self->texts = g_ptr_array_new_with_free_func ((GDestroyNotify) text_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) page_free);
  self->page_counts = g_ptr_array_new ();
  self->block_texts = g_hash_table_new (NULL, NULL);
  self->bold_strokes = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) cairo_scaled_font_destroy,
                                              (GDestroyNotify) g_hash_table_unref);
  self->bold_uses = g_hash_table_new (NULL, NULL);
  self->headings = g_array_new (FALSE, TRUE, sizeof (Place));
}

static void
set_up_fonts (TrPdfLayout *self)
{
  shaper_init (&self->shaper);
  self->families = get_families (self->document);
  self->fake_bold = !tr_typeface_has_bold ();
}

/* Setting the body's texts in two threads ------------------------------ */

/* Setting a text is most of the work of a layout, and a text is set the
 * same wherever it falls: the paragraphs and headings of the body are set
 * before they flow down the pages, by this thread and a second one with
 * a font map of its own, each taking the next few blocks in turn. A short
 * document (the review form) keeps to one thread: a second font map
 * finding and measuring its faces costs more than it would save. */
#define MIN_SHARED_TEXT 16384
#define BLOCKS_PER_TURN 8

typedef struct {
  TrPdfLayout   *self;
  GPtrArray     *blocks;  /* TrDocBlock to set */
  TrPdfText    **texts;   /* the blocks' texts, in the same order */
  gint           next;    /* the first block not yet taken, atomic */
  gssize         done;    /* bytes of text set, atomic */
  GCancellable  *cancellable;
} Shaping;

static gboolean
is_shared_block (TrDocBlock *block)
{
  /* The page count is set again once the pages are known. */
  return block->kind == TR_DOC_BLOCK_HEADING ||
         (block->kind == TR_DOC_BLOCK_PARAGRAPH && block->paragraph->field != TR_DOC_FIELD_PAGE_COUNT);
}

/* What block_texts knows a shared block's text by. */
static gpointer
shared_block_key (TrDocBlock *block)
{
  return block->kind == TR_DOC_BLOCK_HEADING ? (gpointer) block->heading : (gpointer) block->paragraph;
}

static const char *
shared_block_content (TrDocBlock *block)
{
  return block->kind == TR_DOC_BLOCK_HEADING ? block->heading->label : block->paragraph->text;
}

/* Sets the next few blocks with @shaper; FALSE when none is left. */
static gboolean
shape_turn (Shaping *shaping,
            Shaper  *shaper)
{
  TrPdfLayout *self = shaping->self;
  guint first = (guint) g_atomic_int_add (&shaping->next, BLOCKS_PER_TURN);
  gssize size = 0;

  if (first >= shaping->blocks->len || g_cancellable_is_cancelled (shaping->cancellable))
    return FALSE;
  for (guint i = first; i < MIN (first + BLOCKS_PER_TURN, shaping->blocks->len); i++)
    {
      TrDocBlock *block = g_ptr_array_index (shaping->blocks, i);

      if (block->kind == TR_DOC_BLOCK_HEADING)
        shaping->texts[i] = make_text (self, shaper, TR_DOC_STYLE_HEADING, NULL, block->heading->label,
                                       TR_DOC_TEXT_WIDTH);
      else
        shaping->texts[i] = make_text (self, shaper, block->paragraph->style, block->paragraph->marker,
                                       block->paragraph->text, TR_DOC_TEXT_WIDTH);
      size += strlen (shared_block_content (block)) + 1;
    }
  g_atomic_pointer_add (&shaping->done, size);
  return TRUE;
}

static gpointer
shape_in_helper (gpointer data)
{
  Shaping *shaping = data;

  /* In this thread, not before it starts: the calling thread starts
   * setting texts the sooner. */
  shaper_init (&shaping->self->helper);
  while (shape_turn (shaping, &shaping->self->helper))
    ;
  return NULL;
}

/* Fills block_texts with the texts of the body's paragraphs and headings;
 * returns the bytes of text set. */
static gsize
shape_blocks (TrPdfLayout          *self,
              TrExportProgressFunc  progress,
              gpointer              progress_data,
              gsize                 total,
              GCancellable         *cancellable)
{
  g_autoptr(GPtrArray) blocks = g_ptr_array_new ();
  Shaping shaping = { self, blocks, NULL, 0, 0, cancellable };
  GThread *helper = NULL;
  double reported = 0;
  gsize size = 0;

  for (guint i = 0; i < self->document->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (self->document->blocks, i);

      if (is_shared_block (block))
        {
          g_ptr_array_add (blocks, block);
          size += strlen (shared_block_content (block));
        }
    }
  shaping.texts = g_new0 (TrPdfText *, MAX (blocks->len, 1));

  if (size >= MIN_SHARED_TEXT && g_get_num_processors () > 1)
    helper = g_thread_try_new ("tr-pdf-shaping", shape_in_helper, &shaping, NULL);
  while (shape_turn (&shaping, &self->shaper))
    if (progress != NULL)
      {
        double fraction = (double) g_atomic_pointer_get (&shaping.done) / total;

        if (fraction >= reported + 0.01)
          {
            reported = MIN (fraction, 1.0);
            progress (reported, progress_data);
          }
      }
  if (helper != NULL)
    g_thread_join (helper);

  for (guint i = 0; i < blocks->len; i++)
    if (shaping.texts[i] != NULL)
      {
        g_ptr_array_add (self->texts, shaping.texts[i]);
        g_hash_table_insert (self->block_texts, shared_block_key (g_ptr_array_index (blocks, i)), shaping.texts[i]);
      }
  g_free (shaping.texts);
  return (gsize) shaping.done;
}

TrPdfLayout *
tr_pdf_layout_new (TrDocument            *document,
                   TrExportProgressFunc   progress,
                   gpointer               progress_data,
                   GCancellable          *cancellable,
                   GError               **error)
{
  g_autoptr(TrPdfLayout) self = NULL;
  Flow flow = { NULL };
  gsize total, done = 0;
  double reported = 0;
  guint heading = 0;

  g_return_val_if_fail (document != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (TR_TYPE_PDF_LAYOUT, NULL);
  self->document = document;
  set_up_fonts (self);
  flow.self = self;
  total = MAX (tr_document_get_text_size (document), 1);
  done = shape_blocks (self, progress, progress_data, total, cancellable);

  for (guint i = 0; i < document->blocks->len; i++)
    {
      TrDocBlock *block = g_ptr_array_index (document->blocks, i);
      TrDocBlock *next = i + 1 < document->blocks->len ? g_ptr_array_index (document->blocks, i + 1) : NULL;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return NULL;
      if (flow.page == NULL && block->kind != TR_DOC_BLOCK_PARAGRAPH)
        new_page (&flow, TRUE, TRUE);
      switch (block->kind)
        {
        case TR_DOC_BLOCK_PARAGRAPH:
          flow_paragraph (&flow, block->paragraph, next);
          if (!is_shared_block (block))
            done += strlen (block->paragraph->text) + 1;
          break;
        case TR_DOC_BLOCK_HEADING:
          flow_heading (&flow, block->heading, heading++, next);
          break;
        case TR_DOC_BLOCK_CONTENTS:
          flow_contents (&flow, block->contents);
          break;
        case TR_DOC_BLOCK_TABLE:
          flow_table (&flow, block->table);
          done += tr_doc_table_get_text_size (block->table);
          break;
        default:
          g_assert_not_reached ();
        }
      if (progress != NULL && (double) done / total >= reported + 0.01)
        {
          reported = MIN ((double) done / total, 1.0);
          progress (reported, progress_data);
        }
    }
  if (flow.page == NULL)
    new_page (&flow, TRUE, TRUE);
  set_page_counts (self);
  return g_steal_pointer (&self);
}

TrDocument *
tr_pdf_layout_get_document (TrPdfLayout *self)
{
  g_return_val_if_fail (TR_IS_PDF_LAYOUT (self), NULL);

  return self->document;
}

guint
tr_pdf_layout_get_n_pages (TrPdfLayout *self)
{
  g_return_val_if_fail (TR_IS_PDF_LAYOUT (self), 0);

  return self->pages->len;
}

void
tr_pdf_layout_get_page_size (TrPdfLayout *self,
                             double      *width,
                             double      *height)
{
  g_return_if_fail (TR_IS_PDF_LAYOUT (self));

  if (width != NULL)
    *width = TR_DOC_PAGE_WIDTH;
  if (height != NULL)
    *height = TR_DOC_PAGE_HEIGHT;
}

guint
tr_pdf_layout_get_heading_page (TrPdfLayout *self,
                                guint        heading,
                                double      *y)
{
  Place *place;

  g_return_val_if_fail (TR_IS_PDF_LAYOUT (self), 0);
  g_return_val_if_fail (heading < self->headings->len, 0);

  place = &g_array_index (self->headings, Place, heading);
  if (y != NULL)
    *y = place->y;
  return place->page;
}

/* Drawing ----------------------------------------------------------------- */

static cairo_surface_t *
make_bold_stroke (cairo_scaled_font_t *scaled_font,
                  PangoGlyph           glyph,
                  double               line_width)
{
  cairo_glyph_t cairo_glyph = { glyph, 0, 0 };
  cairo_text_extents_t extents;
  cairo_rectangle_t box;
  cairo_surface_t *stroke;
  cairo_t *cr;

  cairo_scaled_font_glyph_extents (scaled_font, &cairo_glyph, 1, &extents);
  box.x = floor (extents.x_bearing - line_width);
  box.y = floor (extents.y_bearing - line_width);
  box.width = ceil (extents.width + 2 * line_width) + 1;
  box.height = ceil (extents.height + 2 * line_width) + 1;
  stroke = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &box);
  cr = cairo_create (stroke);
  cairo_set_scaled_font (cr, scaled_font);
  cairo_glyph_path (cr, &cairo_glyph, 1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke (cr);
  cairo_destroy (cr);
  return stroke;
}

/* The outline of @glyph of @font stroked, around the glyph's origin. A
 * PDF gets it once, as a form that each bold character places: stroking
 * the outlines where the text is would repeat every curve of every
 * character in the page's content. cairo lists a form again in a page's
 * resources each time the page uses it, which PDF forbids: a glyph
 * repeated on a page takes a copy per time, made once for all pages. */
static cairo_surface_t *
get_bold_stroke (TrPdfLayout *self,
                 PangoFont   *font,
                 PangoGlyph   glyph,
                 double       line_width)
{
  cairo_scaled_font_t *scaled_font = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  GHashTable *strokes;
  GPtrArray *copies;
  guint used;

  if (scaled_font == NULL || cairo_scaled_font_status (scaled_font) != CAIRO_STATUS_SUCCESS)
    return NULL;
  strokes = g_hash_table_lookup (self->bold_strokes, scaled_font);
  if (strokes == NULL)
    {
      strokes = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_ptr_array_unref);
      g_hash_table_insert (self->bold_strokes, cairo_scaled_font_reference (scaled_font), strokes);
    }
  copies = g_hash_table_lookup (strokes, GUINT_TO_POINTER (glyph));
  if (copies == NULL)
    {
      copies = g_ptr_array_new_with_free_func ((GDestroyNotify) cairo_surface_destroy);
      g_hash_table_insert (strokes, GUINT_TO_POINTER (glyph), copies);
    }
  used = GPOINTER_TO_UINT (g_hash_table_lookup (self->bold_uses, copies));
  g_hash_table_insert (self->bold_uses, copies, GUINT_TO_POINTER (used + 1));
  if (used == copies->len)
    g_ptr_array_add (copies, make_bold_stroke (scaled_font, glyph, line_width));
  return g_ptr_array_index (copies, used);
}

/* Each glyph of @line made heavier by its outline's stroke; the text
 * under it stays text. */
static void
draw_bold_strokes (TrPdfLayout     *self,
                   cairo_t         *cr,
                   TrPdfText       *text,
                   PangoLayoutLine *line,
                   double           x,
                   double           baseline)
{
  double line_width = text->info->size * FAKE_BOLD;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;
      PangoFont *font = run->item->analysis.font;
      int x_run = 0;

      for (int i = 0; i < glyphs->num_glyphs; i++)
        {
          PangoGlyphInfo *info = &glyphs->glyphs[i];

          if (info->glyph != PANGO_GLYPH_EMPTY && (info->glyph & PANGO_GLYPH_UNKNOWN_FLAG) == 0 &&
              PANGO_IS_CAIRO_FONT (font))
            {
              cairo_surface_t *stroke = get_bold_stroke (self, font, info->glyph, line_width);

              if (stroke != NULL)
                {
                  cairo_set_source_surface (cr, stroke,
                                            x + (double) (x_run + info->geometry.x_offset) / PANGO_SCALE,
                                            baseline + (double) info->geometry.y_offset / PANGO_SCALE);
                  cairo_paint (cr);
                }
            }
          x_run += info->geometry.width;
        }
      x += (double) x_run / PANGO_SCALE;
    }
  cairo_set_source_rgb (cr, 0, 0, 0);
}

static void
draw_line (TrPdfLayout     *self,
           cairo_t         *cr,
           TrPdfText       *text,
           PangoLayoutLine *line,
           double           x,
           double           baseline)
{
  cairo_move_to (cr, x, baseline);
  pango_cairo_show_layout_line (cr, line);
  if (text->fake_bold)
    draw_bold_strokes (self, cr, text, line, x, baseline);
}

static void
draw_text (TrPdfLayout *self,
           cairo_t     *cr,
           const Op    *op)
{
  TrPdfText *text = op->text;
  double top = text->tops[op->first_line];

  for (guint l = op->first_line; l < op->first_line + op->n_lines; l++)
    draw_line (self, cr, text, text->lines[l], op->x + text->lefts[l], op->y + text->baselines[l] - top);
}

/* 壹、目的 ……… 5, a link to the heading. */
static void
draw_contents_entry (TrPdfLayout *self,
                     cairo_t     *cr,
                     const Op    *op)
{
  TrPdfText *text = op->text;
  TrDocHeading *heading = g_ptr_array_index (self->document->headings, op->heading);
  Place *place = &g_array_index (self->headings, Place, op->heading);
  g_autofree char *number = g_strdup_printf ("%u", place->page + 1);
  g_autofree char *link = g_strdup_printf ("dest='%s'", heading->anchor);
  g_autoptr(PangoLayout) number_layout = pango_layout_copy (text->layout);
  g_autoptr(PangoLayout) leader = pango_layout_copy (text->layout);
  guint last = text->n_lines - 1;
  double baseline = op->y + text->baselines[last] - text->tops[0];
  PangoRectangle line_extents, number_extents, dot_extents;
  double text_end, number_start;
  GString *dots = g_string_new (NULL);
  int n_dots;

  /* Not the entry's items, made for its own text. */
  pango_layout_set_attributes (number_layout, NULL);
  pango_layout_set_attributes (leader, NULL);
  pango_layout_set_width (number_layout, -1);
  pango_layout_set_indent (number_layout, 0);
  pango_layout_set_text (number_layout, number, -1);
  pango_layout_get_extents (number_layout, NULL, &number_extents);
  number_start = op->x2 - (double) number_extents.width / PANGO_SCALE;

  pango_layout_line_get_extents (text->lines[last], NULL, &line_extents);
  text_end = op->x + text->lefts[last] + (double) line_extents.width / PANGO_SCALE;

  pango_layout_set_width (leader, -1);
  pango_layout_set_indent (leader, 0);
  pango_layout_set_text (leader, ".", -1);
  pango_layout_get_extents (leader, NULL, &dot_extents);
  n_dots = (int) floor ((number_start - text_end - TR_DOC_EM / 2) / ((double) dot_extents.width / PANGO_SCALE));
  for (int i = 0; i < n_dots; i++)
    g_string_append_c (dots, '.');
  pango_layout_set_text (leader, dots->str, -1);
  g_string_free (dots, TRUE);

  if (LINKS_WORK)
    cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
  draw_text (self, cr, op);
  if (n_dots > 0)
    {
      PangoRectangle leader_extents;

      pango_layout_get_extents (leader, NULL, &leader_extents);
      cairo_move_to (cr, number_start - TR_DOC_EM / 4 - (double) leader_extents.width / PANGO_SCALE, baseline);
      pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (leader, 0));
    }
  cairo_move_to (cr, number_start, baseline);
  pango_cairo_show_layout_line (cr, pango_layout_get_line_readonly (number_layout, 0));
  if (LINKS_WORK)
    cairo_tag_end (cr, CAIRO_TAG_LINK);
}

static void
draw_footer (TrPdfLayout *self,
             cairo_t     *cr,
             guint        page)
{
  g_autofree char *number = g_strdup_printf ("%u", page + 1);
  TrPdfText *text = self->footer;

  /* One text for the numbers of all pages: a number is too short to be
   * cut into items or justified, and needs no layout of its own. */
  if (text == NULL)
    text = self->footer = make_text (self, &self->shaper, TR_DOC_STYLE_FOOTER, NULL, number, TR_DOC_TEXT_WIDTH);
  else
    {
      pango_layout_set_text (text->layout, number, -1);
      measure_lines (&self->shaper, text);
    }
  draw_line (self, cr, text, text->lines[0], TR_DOC_MARGIN_SIDE + text->lefts[0],
             FOOTER_TOP + text->baselines[0]);
}

void
tr_pdf_layout_draw_page (TrPdfLayout *self,
                         cairo_t     *cr,
                         guint        page,
                         double       width,
                         double       height)
{
  Page *p;
  double scale;

  g_return_if_fail (TR_IS_PDF_LAYOUT (self));
  g_return_if_fail (cr != NULL);
  g_return_if_fail (page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  g_hash_table_remove_all (self->bold_uses);
  scale = MIN (width / TR_DOC_PAGE_WIDTH, height / TR_DOC_PAGE_HEIGHT);

  cairo_save (cr);
  cairo_translate (cr, (width - TR_DOC_PAGE_WIDTH * scale) / 2, (height - TR_DOC_PAGE_HEIGHT * scale) / 2);
  cairo_scale (cr, scale, scale);
  cairo_set_source_rgb (cr, 0, 0, 0);

  for (guint i = 0; i < p->ops->len; i++)
    {
      const Op *op = &g_array_index (p->ops, Op, i);

      switch (op->kind)
        {
        case OP_TEXT:
          draw_text (self, cr, op);
          break;
        case OP_RULE:
          cairo_move_to (cr, op->x, op->y);
          cairo_line_to (cr, op->x2, op->y2);
          cairo_set_line_width (cr, RULE_WIDTH);
          cairo_set_line_cap (cr, CAIRO_LINE_CAP_SQUARE);
          cairo_stroke (cr);
          break;
        case OP_PHOTO:
          tr_pdf_draw_photo (cr, op->photo->photo, op->x, op->y, op->x2, op->y2);
          cairo_set_source_rgb (cr, 0, 0, 0);
          break;
        case OP_CONTENTS:
          draw_contents_entry (self, cr, op);
          break;
        case OP_ANCHOR:
          {
            TrDocHeading *heading = g_ptr_array_index (self->document->headings, op->heading);
            char x[G_ASCII_DTOSTR_BUF_SIZE], y[G_ASCII_DTOSTR_BUF_SIZE];
            g_autofree char *name = g_strdup_printf ("name='%s' x=%s y=%s", heading->anchor,
                                                     g_ascii_formatd (x, sizeof x, "%.2f", op->x),
                                                     g_ascii_formatd (y, sizeof y, "%.2f", op->y));

            cairo_tag_begin (cr, CAIRO_TAG_DEST, name);
            cairo_tag_end (cr, CAIRO_TAG_DEST);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
  if (p->numbered)
    draw_footer (self, cr, page);

  cairo_restore (cr);
}
