/* tr-pdf-maker.c: real PDFs for the import tests and benchmark
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "tr-date.h"
#include "tr-pdf-maker.h"
#include "tr-traveller.h"

/* A4 in points, with 2.5 cm margins. */
#define PAGE_WIDTH    595.276
#define PAGE_HEIGHT   841.89
#define MARGIN         72.0
#define TEXT_WIDTH    (PAGE_WIDTH - 2 * MARGIN)
#define TEXT_BOTTOM   (PAGE_HEIGHT - MARGIN)
#define HEADER_Y       36.0
#define FOOTER_Y      (PAGE_HEIGHT - 40.0)
#define LINE_PITCH      1.5   /* of the font size */
#define CELL_PADDING    4.0
/* Two columns of text, this far apart. */
#define COLUMN_GAP     24.0
#define COLUMN_WIDTH  ((TEXT_WIDTH - COLUMN_GAP) / 2)

#define SERIF "Noto Serif CJK TC"
#define SANS  "Noto Sans CJK TC"

struct _TrPdfMaker {
  char            *path;
  cairo_surface_t *surface;
  cairo_t         *cr;
  PangoContext    *context;
  double           y;             /* top of the free space on the page */
  guint            n_pages;
  gboolean         page_has_content;

  char            *header;        /* for pages started from now on */
  char            *footer;
  guint            footer_number; /* the last number printed */
  char            *page_header;   /* what the current page gets */
  char            *page_footer;

  guint            n_columns;     /* of paragraphs: 1 or 2 */
  guint            column;        /* the one being filled */
  double           columns_top;   /* where the columns start on the page */

  TrPdfPhotoFormat photo_format;  /* of the pictures added from now on */
  double           photo_scale;   /* their pixels per point */
};

static PangoLayout *
new_layout (TrPdfMaker *self,
            const char *family,
            gboolean    bold,
            double      size,
            double      width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  PangoFontDescription *font = pango_font_description_new ();

  pango_font_description_set_family (font, family);
  pango_font_description_set_weight (font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_size (font, (int) (size * PANGO_SCALE));
  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  if (width > 0)
    {
      pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
    }
  return layout;
}

/* Draws @layout's lines from @top at @left, @pitch apart; returns the
 * bottom. Lines that would cross the bottom margin go to a new page when
 * @may_break. */
static double show_layout (TrPdfMaker  *self,
                           PangoLayout *layout,
                           double       left,
                           double       top,
                           double       size,
                           double       pitch,
                           gboolean     may_break);

static void
decorate_page (TrPdfMaker *self)
{
  if (self->page_header != NULL)
    {
      g_autoptr(PangoLayout) layout = new_layout (self, SANS, FALSE, TR_PDF_HEADER_SIZE, TEXT_WIDTH);

      pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
      pango_layout_set_text (layout, self->page_header, -1);
      show_layout (self, layout, MARGIN, HEADER_Y - TR_PDF_HEADER_SIZE, TR_PDF_HEADER_SIZE,
                   TR_PDF_HEADER_SIZE * 1.2, FALSE);
      cairo_set_line_width (self->cr, 0.5);
      cairo_move_to (self->cr, MARGIN, HEADER_Y + 6);
      cairo_line_to (self->cr, PAGE_WIDTH - MARGIN, HEADER_Y + 6);
      cairo_stroke (self->cr);
    }
  if (self->page_footer != NULL)
    {
      g_autoptr(PangoLayout) layout = new_layout (self, SERIF, FALSE, TR_PDF_CAPTION_SIZE, TEXT_WIDTH);
      g_autofree char *text = NULL;

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
      text = g_strdup_printf (self->page_footer, ++self->footer_number);
#pragma GCC diagnostic pop
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_text (layout, text, -1);
      show_layout (self, layout, MARGIN, FOOTER_Y, TR_PDF_CAPTION_SIZE, TR_PDF_CAPTION_SIZE * 1.2, FALSE);
    }
}

static void
start_page (TrPdfMaker *self)
{
  self->n_pages++;
  self->y = MARGIN;
  self->page_has_content = FALSE;
  g_free (self->page_header);
  g_free (self->page_footer);
  self->page_header = g_strdup (self->header);
  self->page_footer = g_strdup (self->footer);
}

static void
end_page (TrPdfMaker *self)
{
  decorate_page (self);
  cairo_show_page (self->cr);
}

static double
column_left (TrPdfMaker *self)
{
  return self->column * (COLUMN_WIDTH + COLUMN_GAP);
}

/* On to the top of the next column, or of the next page. */
static void
next_frame (TrPdfMaker *self)
{
  if (self->n_columns == 2 && self->column == 0)
    {
      self->column = 1;
      self->y = self->columns_top;
      return;
    }
  end_page (self);
  start_page (self);
  self->column = 0;
  self->columns_top = self->y;
}

static double
show_layout (TrPdfMaker  *self,
             PangoLayout *layout,
             double       left,
             double       top,
             double       size,
             double       pitch,
             gboolean     may_break)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  double y = top;

  do
    {
      PangoLayoutLine *line = pango_layout_iter_get_line_readonly (iter);
      PangoRectangle logical;

      if (may_break && y + pitch > TEXT_BOTTOM && self->page_has_content)
        {
          double shift = column_left (self);

          next_frame (self);
          left += column_left (self) - shift;
          y = self->y;
        }
      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      /* The baseline sits where the glyphs are centred in the pitch. */
      cairo_move_to (self->cr, left + (double) logical.x / PANGO_SCALE, y + (pitch + size * 0.76) / 2);
      pango_cairo_show_layout_line (self->cr, line);
      self->page_has_content = TRUE;
      y += pitch;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
  return y;
}

TrPdfMaker *
tr_pdf_maker_new (const char *path)
{
  TrPdfMaker *self = g_new0 (TrPdfMaker, 1);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->path = g_strdup (path);
  self->n_columns = 1;
  self->photo_scale = 1.0;
  self->surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  self->cr = cairo_create (self->surface);
  self->context = pango_cairo_create_context (self->cr);
  /* Sizes in points are PDF units. */
  pango_cairo_context_set_resolution (self->context, 72.0);
  /* Unhinted metrics: what a word processor's PDF export has. */
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  cairo_set_source_rgb (self->cr, 0, 0, 0);
  start_page (self);
  return self;
}

void
tr_pdf_maker_free (TrPdfMaker *self)
{
  if (self == NULL)
    return;
  g_clear_object (&self->context);
  g_clear_pointer (&self->cr, cairo_destroy);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  g_free (self->path);
  g_free (self->header);
  g_free (self->footer);
  g_free (self->page_header);
  g_free (self->page_footer);
  g_free (self);
}

void
tr_pdf_maker_set_header (TrPdfMaker *self,
                         const char *text)
{
  g_free (self->header);
  self->header = g_strdup (text);
}

void
tr_pdf_maker_set_footer (TrPdfMaker *self,
                         const char *format)
{
  g_free (self->footer);
  self->footer = g_strdup (format);
}

void
tr_pdf_maker_new_page (TrPdfMaker *self)
{
  end_page (self);
  start_page (self);
  self->column = 0;
  self->columns_top = self->y;
}

void
tr_pdf_maker_set_columns (TrPdfMaker *self,
                          guint       n_columns)
{
  g_return_if_fail (n_columns == 1 || n_columns == 2);

  if (n_columns == self->n_columns)
    return;
  if (self->page_has_content)
    tr_pdf_maker_new_page (self);
  self->n_columns = n_columns;
  self->column = 0;
  self->columns_top = self->y;
}

guint
tr_pdf_maker_get_n_pages (TrPdfMaker *self)
{
  return self->n_pages;
}

void
tr_pdf_maker_add_space (TrPdfMaker *self,
                        double      points)
{
  self->y = MIN (self->y + points, TEXT_BOTTOM);
}

static void
add_paragraph (TrPdfMaker *self,
               TrPdfStyle  style,
               const char *text)
{
  g_autoptr(PangoLayout) layout = NULL;
  const char *family = SERIF;
  gboolean bold = FALSE, heading = FALSE;
  double size = TR_PDF_BODY_SIZE, indent = 0, space_before = 0, space_after = 4;
  PangoAlignment alignment = PANGO_ALIGN_LEFT;
  double pitch;

  switch (style)
    {
    case TR_PDF_STYLE_BODY:
      indent = 2 * size;
      break;
    case TR_PDF_STYLE_PLAIN:
      break;
    case TR_PDF_STYLE_HEADING:
      family = SANS, bold = TRUE, heading = TRUE, size = TR_PDF_HEADING_SIZE;
      space_before = 12, space_after = 6;
      break;
    case TR_PDF_STYLE_SUBHEADING:
      family = SANS, bold = TRUE, heading = TRUE, size = TR_PDF_SUBHEADING_SIZE;
      space_before = 6, space_after = 4;
      break;
    case TR_PDF_STYLE_TITLE:
      family = SANS, bold = TRUE, size = TR_PDF_TITLE_SIZE, alignment = PANGO_ALIGN_CENTER;
      space_after = 12;
      break;
    case TR_PDF_STYLE_CENTRED:
      size = TR_PDF_SUBHEADING_SIZE, alignment = PANGO_ALIGN_CENTER;
      space_after = 6;
      break;
    case TR_PDF_STYLE_CAPTION:
      family = SANS, size = TR_PDF_CAPTION_SIZE, alignment = PANGO_ALIGN_CENTER;
      space_after = 10;
      break;
    default:
      g_assert_not_reached ();
    }

  pitch = size * LINE_PITCH;
  layout = new_layout (self, family, bold, size, self->n_columns == 2 ? COLUMN_WIDTH : TEXT_WIDTH);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_indent (layout, (int) (indent * PANGO_SCALE));
  pango_layout_set_text (layout, text, -1);

  if (self->page_has_content)
    self->y += space_before;
  /* A heading and the first lines under it stay together. */
  if (heading && self->page_has_content &&
      self->y + pitch * pango_layout_get_line_count (layout) + 3 * TR_PDF_BODY_SIZE * LINE_PITCH > TEXT_BOTTOM)
    next_frame (self);

  self->y = show_layout (self, layout, MARGIN + column_left (self), self->y, size, pitch, TRUE) + space_after;
}

void
tr_pdf_maker_add_text (TrPdfMaker *self,
                       TrPdfStyle  style,
                       const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (lines[i][0] != '\0')
      add_paragraph (self, style, lines[i]);
}

void
tr_pdf_maker_add_row (TrPdfMaker         *self,
                      const char * const *cells,
                      const double       *widths)
{
  guint n_cells = g_strv_length ((char **) cells);
  g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
  double pitch = TR_PDF_TABLE_SIZE * 1.4;
  double height = 0, x;

  g_return_if_fail (n_cells > 0);

  for (guint i = 0; i < n_cells; i++)
    {
      double width = (widths != NULL ? widths[i] : 1.0 / n_cells) * TEXT_WIDTH;
      PangoLayout *layout = new_layout (self, SERIF, FALSE, TR_PDF_TABLE_SIZE, width - 2 * CELL_PADDING);

      pango_layout_set_text (layout, cells[i], -1);
      g_ptr_array_add (layouts, layout);
      height = MAX (height, pango_layout_get_line_count (layout) * pitch + 2 * CELL_PADDING);
    }

  if (self->y + height > TEXT_BOTTOM && self->page_has_content)
    tr_pdf_maker_new_page (self);

  x = MARGIN;
  cairo_set_line_width (self->cr, 0.6);
  for (guint i = 0; i < n_cells; i++)
    {
      double width = (widths != NULL ? widths[i] : 1.0 / n_cells) * TEXT_WIDTH;

      show_layout (self, g_ptr_array_index (layouts, i), x + CELL_PADDING, self->y + CELL_PADDING,
                   TR_PDF_TABLE_SIZE, pitch, FALSE);
      cairo_rectangle (self->cr, x, self->y, width, height);
      cairo_stroke (self->cr);
      x += width;
    }
  self->y += height;
  self->page_has_content = TRUE;
}

void
tr_pdf_maker_add_toc_entry (TrPdfMaker *self,
                            const char *label,
                            guint       page)
{
  g_autoptr(PangoLayout) label_layout = new_layout (self, SERIF, FALSE, TR_PDF_BODY_SIZE, -1);
  g_autoptr(PangoLayout) number_layout = new_layout (self, SERIF, FALSE, TR_PDF_BODY_SIZE, -1);
  g_autoptr(PangoLayout) dots_layout = new_layout (self, SERIF, FALSE, TR_PDF_BODY_SIZE, -1);
  g_autoptr(GString) dots = g_string_new (NULL);
  g_autofree char *number = g_strdup_printf ("%u", page);
  double pitch = TR_PDF_BODY_SIZE * LINE_PITCH;
  int label_width, number_width, dot_width;

  pango_layout_set_text (label_layout, label, -1);
  pango_layout_set_text (number_layout, number, -1);
  pango_layout_set_text (dots_layout, ".", -1);
  pango_layout_get_size (label_layout, &label_width, NULL);
  pango_layout_get_size (number_layout, &number_width, NULL);
  pango_layout_get_size (dots_layout, &dot_width, NULL);

  /* Dot leaders from the label to the page number. */
  for (int w = label_width + number_width + 2 * dot_width; w < TEXT_WIDTH * PANGO_SCALE; w += dot_width)
    g_string_append_c (dots, '.');
  pango_layout_set_text (dots_layout, dots->str, -1);

  if (self->y + pitch > TEXT_BOTTOM)
    tr_pdf_maker_new_page (self);
  show_layout (self, label_layout, MARGIN, self->y, TR_PDF_BODY_SIZE, pitch, FALSE);
  show_layout (self, dots_layout, MARGIN + (double) label_width / PANGO_SCALE + 2, self->y,
               TR_PDF_BODY_SIZE, pitch, FALSE);
  show_layout (self, number_layout, PAGE_WIDTH - MARGIN - (double) number_width / PANGO_SCALE, self->y,
               TR_PDF_BODY_SIZE, pitch, FALSE);
  self->y += pitch + 4;
}

/* A picture that compresses like a photo does (not at all well). */
static cairo_surface_t *
make_photo (int width,
            int height,
            guint32 seed)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  guint8 *pixels = cairo_image_surface_get_data (image);
  int stride = cairo_image_surface_get_stride (image);
  GRand *rand = g_rand_new_with_seed (seed);

  cairo_surface_flush (image);
  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 *pixel = (guint32 *) (pixels + y * stride + x * 4);
        guint8 noise = (guint8) g_rand_int_range (rand, 0, 40);
        guint8 r = (guint8) (80 + 120 * x / width + noise / 2);
        guint8 g = (guint8) (100 + 100 * y / height + noise / 3);
        guint8 b = (guint8) (140 + noise);

        *pixel = ((guint32) r << 16) | ((guint32) g << 8) | b;
      }
  cairo_surface_mark_dirty (image);
  g_rand_free (rand);
  return image;
}

/* @photo as JPEG, attached to it: cairo's PDF surface then embeds those
 * bytes as they are (DCTDecode), as a word processor does with a photo. */
static void
attach_jpeg (cairo_surface_t *photo)
{
  int width = cairo_image_surface_get_width (photo);
  int height = cairo_image_surface_get_height (photo);
  int stride = cairo_image_surface_get_stride (photo);
  const guint8 *pixels = cairo_image_surface_get_data (photo);
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  guint8 *rgb = gdk_pixbuf_get_pixels (pixbuf);
  int rgb_stride = gdk_pixbuf_get_rowstride (pixbuf);
  g_autoptr(GError) error = NULL;
  gchar *jpeg = NULL;
  gsize size = 0;

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        guint32 pixel = *(const guint32 *) (pixels + y * stride + x * 4);
        guint8 *out = rgb + y * rgb_stride + x * 3;

        out[0] = (pixel >> 16) & 0xff;
        out[1] = (pixel >> 8) & 0xff;
        out[2] = pixel & 0xff;
      }
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &jpeg, &size, "jpeg", &error, "quality", "85", NULL))
    g_error ("cannot make a JPEG: %s", error->message);
  cairo_surface_set_mime_data (photo, CAIRO_MIME_TYPE_JPEG, (const unsigned char *) jpeg, size, g_free, jpeg);
}

void
tr_pdf_maker_set_photos (TrPdfMaker       *self,
                         TrPdfPhotoFormat  format,
                         double            pixels_per_point)
{
  g_return_if_fail (pixels_per_point > 0);

  self->photo_format = format;
  self->photo_scale = pixels_per_point;
}

void
tr_pdf_maker_add_image (TrPdfMaker *self,
                        double      width,
                        double      height)
{
  cairo_surface_t *photo = make_photo ((int) (width * self->photo_scale), (int) (height * self->photo_scale),
                                       self->n_pages);
  double x = MARGIN + (TEXT_WIDTH - width) / 2;

  if (self->photo_format == TR_PDF_PHOTO_JPEG)
    attach_jpeg (photo);
  if (self->y + height > TEXT_BOTTOM && self->page_has_content)
    tr_pdf_maker_new_page (self);

  cairo_save (self->cr);
  cairo_translate (self->cr, x, self->y);
  cairo_scale (self->cr, 1 / self->photo_scale, 1 / self->photo_scale);
  cairo_set_source_surface (self->cr, photo, 0, 0);
  cairo_paint (self->cr);
  cairo_restore (self->cr);
  cairo_surface_destroy (photo);
  self->y += height + 4;
  self->page_has_content = TRUE;
}

gboolean
tr_pdf_maker_finish (TrPdfMaker  *self,
                     GError     **error)
{
  cairo_status_t status;

  end_page (self);
  cairo_surface_finish (self->surface);
  status = cairo_surface_status (self->surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s: %s",
                   self->path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

/* Whole reports ------------------------------------------------------------ */

static const char * const upper_numerals[] = { "壹", "貳", "參", "肆", "伍", "陸" };
static const char * const chapter_numerals[] = { "一", "二", "三", "四", "五", "六" };
static const char * const categories[] = {
  "考察", "進修", "研究", "實習", "視察", "訪問", "開會", "談判", "其他", NULL
};

static char *
numbered_heading (const TrPdfReportLayout *layout,
                  guint                    index,
                  const char              *word)
{
  switch (layout->headings)
    {
    case TR_PDF_HEADINGS_NUMBERED:
      return g_strdup_printf ("%s、%s", upper_numerals[index], word);
    case TR_PDF_HEADINGS_CHAPTERS:
      return g_strdup_printf ("第%s章 %s", chapter_numerals[index], word);
    case TR_PDF_HEADINGS_BARE:
    default:
      return g_strdup (word);
    }
}

static const char *
section_word (const TrPdfReportLayout *layout,
              TrSection                section)
{
  return layout->words[section] != NULL ? layout->words[section] : tr_section_get_heading (section);
}

char *
tr_pdf_report_layout_heading (const TrPdfReportLayout *layout,
                              TrSection                section)
{
  if (layout->combined && section >= TR_SECTION_OBSERVATIONS)
    return numbered_heading (layout, TR_SECTION_OBSERVATIONS,
                             layout->combined_word != NULL ? layout->combined_word : "心得與建議");
  return numbered_heading (layout, section, section_word (layout, section));
}

static char *
minguo (const char *iso)
{
  char *text = tr_date_format_minguo (iso);

  return text != NULL ? text : g_strdup (iso);
}

static char *
tick_boxes (const char * const *choices,
            const char         *chosen)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    g_string_append_printf (out, "%s%s%s", i > 0 ? "　" : "",
                            g_strcmp0 (choices[i], chosen) == 0 ? "☑" : "☐", choices[i]);
  return g_string_free (out, FALSE);
}

static void
add_cover (TrPdfMaker *self,
           TrReport   *report)
{
  g_autofree char *category = g_strdup_printf ("出國報告（出國類別：%s）",
                                               tr_report_get_text (report, TR_FIELD_CATEGORY));
  g_autofree char *start = minguo (tr_report_get_text (report, TR_FIELD_PERIOD_START));
  g_autofree char *end = minguo (tr_report_get_text (report, TR_FIELD_PERIOD_END));
  g_autofree char *date = minguo (tr_report_get_text (report, TR_FIELD_REPORT_DATE));
  g_autofree char *lines = NULL;
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      g_string_append_printf (names, "%s%s %s", i > 0 ? "、" : "",
                              tr_traveller_get (traveller, TR_TRAVELLER_NAME),
                              tr_traveller_get (traveller, TR_TRAVELLER_TITLE));
    }

  tr_pdf_maker_add_space (self, 60);
  tr_pdf_maker_add_text (self, TR_PDF_STYLE_CENTRED, category);
  tr_pdf_maker_add_space (self, 40);
  tr_pdf_maker_add_text (self, TR_PDF_STYLE_TITLE, tr_report_get_text (report, TR_FIELD_TITLE));
  tr_pdf_maker_add_space (self, 120);
  lines = g_strdup_printf ("服務機關：%s\n姓名職稱：%s\n派赴國家/地區：%s\n出國期間：%s至%s\n報告日期：%s",
                           tr_report_get_text (report, TR_FIELD_AGENCY), names->str,
                           tr_report_get_text (report, TR_FIELD_DESTINATION), start, end, date);
  tr_pdf_maker_add_text (self, TR_PDF_STYLE_CENTRED, lines);
  tr_pdf_maker_new_page (self);
}

static void
add_form (TrPdfMaker *self,
          TrReport   *report)
{
  static const double two[] = { 0.22, 0.78 };
  static const double four[] = { 0.18, 0.40, 0.16, 0.26 };
  static const double five[] = { 0.16, 0.24, 0.22, 0.16, 0.22 };
  GListModel *travellers = G_LIST_MODEL (tr_report_get_travellers (report));
  g_autofree char *pages = g_strdup_printf ("%u", MAX (tr_report_get_pages (report), 1));
  g_autofree char *start = minguo (tr_report_get_text (report, TR_FIELD_PERIOD_START));
  g_autofree char *end = minguo (tr_report_get_text (report, TR_FIELD_PERIOD_END));
  g_autofree char *period = g_strdup_printf ("%s至%s", start, end);
  g_autofree char *date = minguo (tr_report_get_text (report, TR_FIELD_REPORT_DATE));
  g_autofree char *keywords = g_strjoinv ("、", (char **) tr_report_get_keywords (report));
  g_autofree char *category = tick_boxes (categories, tr_report_get_text (report, TR_FIELD_CATEGORY));
  const char * const yes_no[] = { "是", "否", NULL };
  g_autofree char *attachments = tick_boxes (yes_no, tr_report_get_has_attachments (report) ? "是" : "否");

  tr_pdf_maker_add_text (self, TR_PDF_STYLE_HEADING, "公務出國或赴大陸地區報告提要");
  tr_pdf_maker_add_row (self, (const char *[]) { "出國報告名稱", tr_report_get_text (report, TR_FIELD_TITLE), NULL }, two);
  tr_pdf_maker_add_row (self, (const char *[]) { "頁數", pages, "含附件", attachments, NULL }, four);
  tr_pdf_maker_add_row (self, (const char *[]) { "出國計畫主辦機關", tr_report_get_text (report, TR_FIELD_AGENCY), NULL }, two);
  tr_pdf_maker_add_row (self, (const char *[]) { "聯絡人", tr_report_get_text (report, TR_FIELD_CONTACT),
                                                 "電話", tr_report_get_text (report, TR_FIELD_PHONE), NULL }, four);
  tr_pdf_maker_add_row (self, (const char *[]) { "出國人員姓名", "服務機關", "服務單位", "職稱", "電話", NULL }, five);
  for (guint i = 0; i < g_list_model_get_n_items (travellers); i++)
    {
      g_autoptr(TrTraveller) traveller = g_list_model_get_item (travellers, i);

      tr_pdf_maker_add_row (self, (const char *[]) {
                              tr_traveller_get (traveller, TR_TRAVELLER_NAME),
                              tr_traveller_get (traveller, TR_TRAVELLER_AGENCY),
                              tr_traveller_get (traveller, TR_TRAVELLER_UNIT),
                              tr_traveller_get (traveller, TR_TRAVELLER_TITLE),
                              tr_traveller_get (traveller, TR_TRAVELLER_PHONE), NULL }, five);
    }
  tr_pdf_maker_add_row (self, (const char *[]) { "出國類別", category, NULL }, two);
  tr_pdf_maker_add_row (self, (const char *[]) { "出國期間", period, "出國地區",
                                                 tr_report_get_text (report, TR_FIELD_DESTINATION), NULL }, four);
  tr_pdf_maker_add_row (self, (const char *[]) { "報告日期", date, NULL }, two);
  tr_pdf_maker_add_row (self, (const char *[]) { "分類號/目", tr_report_get_text (report, TR_FIELD_CLASSIFICATION), NULL }, two);
  tr_pdf_maker_add_row (self, (const char *[]) { "關鍵詞", keywords, NULL }, two);
  tr_pdf_maker_add_row (self, (const char *[]) { "內容摘要", tr_report_get_text (report, TR_FIELD_SUMMARY), NULL }, two);
  tr_pdf_maker_new_page (self);
}

/* The lines of a section: paragraphs, schedule rows, photos. */
static void
add_body_text (TrPdfMaker *self,
               const char *text,
               gboolean    photos)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '\0')
        continue;
      if (line[0] == '|')
        {
          g_autofree char *inner = g_strndup (line + 1, strlen (line) - (g_str_has_suffix (line, "|") ? 2 : 1));
          g_auto(GStrv) cells = g_strsplit (inner, "|", -1);
          guint n = g_strv_length (cells);
          /* The last column (what happened) gets the room. */
          g_autofree double *widths = g_new (double, n);

          for (guint c = 0; c < n; c++)
            widths[c] = n > 1 ? (c + 1 < n ? 0.4 / (n - 1) : 0.6) : 1.0;
          tr_pdf_maker_add_row (self, (const char * const *) cells, widths);
          if (lines[i + 1] == NULL || lines[i + 1][0] != '|')
            tr_pdf_maker_add_space (self, 8);
        }
      else if (photos && g_str_has_prefix (line, "照片"))
        {
          tr_pdf_maker_add_image (self, 240, 160);
          add_paragraph (self, TR_PDF_STYLE_CAPTION, line);
        }
      else
        add_paragraph (self, TR_PDF_STYLE_BODY, line);
    }
}

static void
add_heading (TrPdfMaker              *self,
             const TrPdfReportLayout *layout,
             const char              *heading,
             gboolean                 first)
{
  if (layout->section_per_page && !first)
    tr_pdf_maker_new_page (self);
  add_paragraph (self, TR_PDF_STYLE_HEADING, heading);
}

void
tr_pdf_maker_add_report (TrPdfMaker              *self,
                         TrReport                *report,
                         const TrPdfReportLayout *layout)
{
  const char *appendix = tr_report_get_text (report, TR_FIELD_APPENDIX);
  guint n_headings = layout->combined ? 3 : 4;
  g_autofree char *appendix_heading = numbered_heading (layout, n_headings, "附錄");

  if (layout->cover)
    add_cover (self, report);
  tr_pdf_maker_set_header (self, layout->running_header);
  tr_pdf_maker_set_footer (self, layout->footer);
  /* The cover's page ended before these were set; a report without a
   * cover has them from its first page. */
  if (!layout->cover)
    {
      g_free (self->page_header);
      g_free (self->page_footer);
      self->page_header = g_strdup (layout->running_header);
      self->page_footer = g_strdup (layout->footer);
    }

  if (layout->form)
    add_form (self, report);

  if (layout->summary_page)
    {
      add_paragraph (self, TR_PDF_STYLE_HEADING, "摘要");
      add_body_text (self, tr_report_get_text (report, TR_FIELD_SUMMARY), FALSE);
      tr_pdf_maker_new_page (self);
    }

  if (layout->toc)
    {
      guint page = 1;

      add_paragraph (self, TR_PDF_STYLE_TITLE, "目次");
      for (guint s = 0; s < n_headings; s++)
        {
          g_autofree char *heading = tr_pdf_report_layout_heading (layout, s);

          tr_pdf_maker_add_toc_entry (self, heading, page);
          page += 2 + s;
        }
      if (appendix[0] != '\0')
        tr_pdf_maker_add_toc_entry (self, appendix_heading, page);
      tr_pdf_maker_new_page (self);
    }

  for (guint s = 0; s < TR_N_SECTIONS; s++)
    {
      g_autofree char *heading = tr_pdf_report_layout_heading (layout, s);

      if (layout->combined && s == TR_SECTION_OBSERVATIONS)
        {
          add_heading (self, layout, heading, s == 0);
          add_paragraph (self, TR_PDF_STYLE_SUBHEADING, "一、心得");
        }
      else if (layout->combined && s == TR_SECTION_RECOMMENDATIONS)
        add_paragraph (self, TR_PDF_STYLE_SUBHEADING, "二、建議");
      else
        add_heading (self, layout, heading, s == 0);
      add_body_text (self, tr_report_get_section (report, s), FALSE);
    }

  if (appendix[0] != '\0')
    {
      add_heading (self, layout, appendix_heading, FALSE);
      add_body_text (self, appendix, TRUE);
    }
}

/* Bad files --------------------------------------------------------------- */

gboolean
tr_pdf_make_scan (const char  *path,
                  guint        n_pages,
                  GError     **error)
{
  /* A page photographed at 100 dpi. */
  const double scale = 100.0 / 72.0;
  cairo_surface_t *surface = cairo_pdf_surface_create (path, PAGE_WIDTH, PAGE_HEIGHT);
  cairo_t *cr = cairo_create (surface);
  cairo_status_t status;

  for (guint page = 0; page < n_pages; page++)
    {
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24,
                                                           (int) (PAGE_WIDTH * scale),
                                                           (int) (PAGE_HEIGHT * scale));
      cairo_t *image_cr = cairo_create (image);
      PangoLayout *layout = pango_cairo_create_layout (image_cr);
      PangoFontDescription *font = pango_font_description_from_string (SERIF " 12");
      g_autofree char *text = g_strdup_printf ("壹、目的\n本頁為掃描影像，第%u頁，沒有文字層。\n"
                                               "世界城市高峰會每兩年舉辦一次。", page + 1);

      cairo_set_source_rgb (image_cr, 0.97, 0.96, 0.92);
      cairo_paint (image_cr);
      cairo_scale (image_cr, scale, scale);
      cairo_rotate (image_cr, 0.01);  /* fed in a little askew */
      pango_layout_set_font_description (layout, font);
      pango_layout_set_width (layout, (int) (TEXT_WIDTH * PANGO_SCALE));
      pango_layout_set_text (layout, text, -1);
      cairo_set_source_rgb (image_cr, 0.1, 0.1, 0.1);
      cairo_move_to (image_cr, MARGIN, MARGIN);
      pango_cairo_show_layout (image_cr, layout);
      pango_font_description_free (font);
      g_object_unref (layout);
      cairo_destroy (image_cr);

      cairo_save (cr);
      cairo_scale (cr, 1 / scale, 1 / scale);
      cairo_set_source_surface (cr, image, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
      cairo_surface_destroy (image);
      cairo_show_page (cr);
    }

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "cannot write %s: %s",
                   path, cairo_status_to_string (status));
      return FALSE;
    }
  return TRUE;
}

gboolean
tr_pdf_make_numbered_pages (const char  *path,
                            guint        n_pages,
                            GError     **error)
{
  g_autoptr(TrPdfMaker) maker = tr_pdf_maker_new (path);

  for (guint page = 1; page <= n_pages; page++)
    {
      g_autofree char *line = g_strdup_printf ("第%u頁", page);

      if (page > 1)
        tr_pdf_maker_new_page (maker);
      tr_pdf_maker_add_text (maker, TR_PDF_STYLE_PLAIN, line);
    }
  return tr_pdf_maker_finish (maker, error);
}

/* Hand-written PDFs ---------------------------------------------------------- */

/* "<hex>" of @text in @encoding's bytes. */
static char *
hex_string (const char       *text,
            TrPdfCjkEncoding  encoding)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  g_autofree char *bytes = g_convert (text, -1, encoding == TR_PDF_CJK_BIG5 ? "BIG5" : "UTF-16BE",
                                      "UTF-8", NULL, &length, &error);
  GString *hex = g_string_new ("<");

  g_assert_no_error (error);
  for (gsize i = 0; i < length; i++)
    g_string_append_printf (hex, "%02X", (guint8) bytes[i]);
  g_string_append_c (hex, '>');
  return g_string_free (hex, FALSE);
}

static void
append_object (GString *pdf,
               GArray  *offsets,
               GString *body)
{
  gsize offset = pdf->len;

  g_array_append_val (offsets, offset);
  g_string_append_printf (pdf, "%u 0 obj\n", offsets->len);
  g_string_append_len (pdf, body->str, (gssize) body->len);
  g_string_append (pdf, "\nendobj\n");
  g_string_truncate (body, 0);
}

static void
append_stream (GString    *body,
               const char *dictionary,
               const char *data,
               gsize       length)
{
  g_string_append_printf (body, "<< %s /Length %" G_GSIZE_FORMAT " >>\nstream\n", dictionary, length);
  g_string_append_len (body, data, (gssize) length);
  g_string_append (body, "\nendstream");
}

gboolean
tr_pdf_make_unembedded (const char          *path,
                        TrPdfCjkEncoding     encoding,
                        const char * const  *lines,
                        TrPdfPicture         picture,
                        GError             **error)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_free);
  g_autoptr(GString) content = g_string_new (NULL);
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n");
  g_autoptr(GString) body = g_string_new (NULL);
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GString) kids = g_string_new (NULL);
  double y = PAGE_HEIGHT - MARGIN;
  const guint first_page_object = 7;
  gsize xref;

  /* The contents of each page: one line of text after another. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_equal (lines[i], "\f"))
        {
          g_ptr_array_add (pages, g_string_free (g_steal_pointer (&content), FALSE));
          content = g_string_new (NULL);
          y = PAGE_HEIGHT - MARGIN;
        }
      else if (g_str_equal (lines[i], "[picture]"))
        {
          y -= 150;
          g_string_append_printf (content, "q 150 0 0 150 %.0f %.0f cm /Im1 Do Q\n", MARGIN, y);
          y -= 16;
        }
      else
        {
          gboolean heading = g_str_has_prefix (lines[i], "# ");
          g_autofree char *hex = hex_string (heading ? lines[i] + 2 : lines[i], encoding);
          double size = heading ? TR_PDF_HEADING_SIZE : TR_PDF_BODY_SIZE;

          y -= size * LINE_PITCH;
          g_string_append_printf (content, "BT /F1 %.0f Tf %.0f %.0f Td %s Tj ET\n", size, MARGIN, y, hex);
        }
    }
  g_ptr_array_add (pages, g_string_free (g_steal_pointer (&content), FALSE));

  /* 1 catalog, 2 pages, 3-5 the font, 6 the picture, then each page and
   * its contents. */
  g_string_append (body, "<< /Type /Catalog /Pages 2 0 R >>");
  append_object (pdf, offsets, body);
  for (guint p = 0; p < pages->len; p++)
    g_string_append_printf (kids, "%u 0 R ", first_page_object + 2 * p);
  g_string_append_printf (body, "<< /Type /Pages /Kids [%s] /Count %u >>", kids->str, pages->len);
  append_object (pdf, offsets, body);
  /* 細明體, as Word and Acrobat named it, and not embedded: poppler needs
   * the encoding's CMap and Adobe-CNS1's Unicode table from poppler-data. */
  g_string_append_printf (body, "<< /Type /Font /Subtype /Type0 /BaseFont /MingLiU /Encoding /%s "
                          "/DescendantFonts [4 0 R] >>",
                          encoding == TR_PDF_CJK_BIG5 ? "ETen-B5-H" : "UniCNS-UCS2-H");
  append_object (pdf, offsets, body);
  g_string_append (body, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /MingLiU "
                   "/CIDSystemInfo << /Registry (Adobe) /Ordering (CNS1) /Supplement 0 >> "
                   "/FontDescriptor 5 0 R /DW 1000 >>");
  append_object (pdf, offsets, body);
  g_string_append (body, "<< /Type /FontDescriptor /FontName /MingLiU /Flags 6 /FontBBox [0 -200 1000 900] "
                   "/ItalicAngle 0 /Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 >>");
  append_object (pdf, offsets, body);
  {
    /* 100 × 100 RGB pixels; "undecodable" claims to be 100,000 pixels
     * wide, more than a cairo image can be, so poppler cannot give it. */
    g_autofree char *pixels = g_malloc (100 * 100 * 3);
    g_autofree char *dictionary = g_strdup_printf ("/Type /XObject /Subtype /Image /Width %u /Height 100 "
                                                   "/ColorSpace /DeviceRGB /BitsPerComponent 8",
                                                   picture == TR_PDF_PICTURE_UNDECODABLE ? 100000 : 100);

    for (guint i = 0; i < 100 * 100 * 3; i++)
      pixels[i] = (char) ((i * 7 + i / 300) % 256);
    append_stream (body, dictionary, pixels, 100 * 100 * 3);
    append_object (pdf, offsets, body);
  }
  for (guint p = 0; p < pages->len; p++)
    {
      const char *page_content = g_ptr_array_index (pages, p);

      g_string_append_printf (body, "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 %.3f %.3f] "
                              "/Resources << /Font << /F1 3 0 R >> /XObject << /Im1 6 0 R >> >> "
                              "/Contents %u 0 R >>", PAGE_WIDTH, PAGE_HEIGHT, first_page_object + 2 * p + 1);
      append_object (pdf, offsets, body);
      append_stream (body, "", page_content, strlen (page_content));
      append_object (pdf, offsets, body);
    }

  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010" G_GSIZE_FORMAT " 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          offsets->len + 1, xref);
  return g_file_set_contents (path, pdf->str, (gssize) pdf->len, error);
}
