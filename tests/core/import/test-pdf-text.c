/* test-pdf-text.c: the import's page text, read once through poppler's
 * core (tr-pdf-text.cc), equal to poppler-glib's
 *
 * PDFs made here with cairo and Pango (a ruled table, two columns, CJK
 * and Latin in several faces, sizes and colours, a landscape page, text
 * set at an angle), the same with pages rotated by qpdf, and one written
 * by hand whose pages give one font name to two fonts or draw with a font
 * they do not name: every page's text, every character's box and every
 * font run must be what poppler_page_get_text(),
 * poppler_page_get_text_layout() and poppler_page_get_text_attributes()
 * give, to the last bit.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "tr-pdf-text.h"

#define A4_WIDTH 595.0
#define A4_HEIGHT 842.0
#define MARGIN 56.0

static const char *latin_cjk =
  "本次出國考察新加坡的智慧城市計畫（Smart Nation），參訪 Urban Redevelopment Authority "
  "與陸路交通管理局，了解其 2030 年的交通政策、綠色建築與數位政府服務。"
  "The delegation met officials on 12 March 2024 and visited three sites.";

static void
show_text (cairo_t    *cr,
           const char *font,
           const char *markup,
           double      x,
           double      y,
           double      width)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  PangoFontDescription *description = pango_font_description_from_string (font);

  pango_layout_set_font_description (layout, description);
  pango_layout_set_width (layout, (int) (width * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_markup (layout, markup, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
  pango_font_description_free (description);
  g_object_unref (layout);
}

static void
draw_table (cairo_t *cr)
{
  static const char *cells[4][3] = {
    { "<b>項目 Item</b>", "<b>日期 Date</b>", "<b>說明 Notes</b>" },
    { "出發", "2024/03/10", "臺北 → Singapore" },
    { "會議", "2024/03/12", "Smart Nation 座談" },
    { "返國", "2024/03/15", "心得與建議 3 項" },
  };
  double column = (A4_WIDTH - 2 * MARGIN) / 3, row = 28;

  show_text (cr, "Noto Sans CJK TC Bold 18", "一、行程表 Itinerary", MARGIN, MARGIN, 400);
  cairo_set_line_width (cr, 0.5);
  for (int r = 0; r < 4; r++)
    for (int c = 0; c < 3; c++)
      {
        double x = MARGIN + c * column, y = 100 + r * row;

        cairo_rectangle (cr, x, y, column, row);
        cairo_stroke (cr);
        show_text (cr, "Noto Sans CJK TC 10", cells[r][c], x + 4, y + 6, column - 8);
      }
}

static void
draw_columns (cairo_t *cr)
{
  double gap = 20, width = (A4_WIDTH - 2 * MARGIN - gap) / 2;
  g_autofree char *text = g_strjoin ("", latin_cjk, latin_cjk, latin_cjk, NULL);

  show_text (cr, "Noto Sans CJK TC Bold 16", "貳、過程 Process", MARGIN, MARGIN, 400);
  show_text (cr, "Noto Sans CJK TC 11", text, MARGIN, 100, width);
  show_text (cr, "Noto Serif CJK TC 11", text, MARGIN + width + gap, 100, width);
}

static void
draw_faces (cairo_t *cr)
{
  show_text (cr, "DejaVu Serif Bold 20", "Findings and <i>Recommendations</i>", MARGIN, MARGIN, 480);
  show_text (cr, "DejaVu Sans 10",
             "<span foreground='red'>Red words</span>, <u>underlined words</u>, "
             "<span size='small'>small words</span> and <b>bold words</b> in one line.",
             MARGIN, 120, 480);
  show_text (cr, "Noto Sans CJK TC 12", latin_cjk, MARGIN, 180, 480);
}

static void
draw_angled (cairo_t *cr)
{
  show_text (cr, "Noto Sans CJK TC 12", "附錄 Appendix", MARGIN, MARGIN, 400);
  cairo_save (cr);
  cairo_translate (cr, 300, 700);
  cairo_rotate (cr, -G_PI / 2);
  show_text (cr, "DejaVu Sans 12", "Set at an angle 直排", 0, 0, 300);
  cairo_restore (cr);
  cairo_save (cr);
  cairo_translate (cr, 100, 400);
  cairo_rotate (cr, G_PI / 6);
  show_text (cr, "Noto Sans CJK TC 10", "斜的文字 Slanted text", 0, 0, 300);
  cairo_restore (cr);
}

/* Portrait pages with more fonts as they go, a landscape one between
 * them, and a portrait one again. */
static char *
make_layouts (const char *dir)
{
  char *path = g_build_filename (dir, "layouts.pdf", NULL);
  cairo_surface_t *surface = cairo_pdf_surface_create (path, A4_WIDTH, A4_HEIGHT);
  cairo_t *cr = cairo_create (surface);

  draw_table (cr);
  cairo_show_page (cr);
  draw_columns (cr);
  cairo_show_page (cr);
  cairo_pdf_surface_set_size (surface, A4_HEIGHT, A4_WIDTH);
  show_text (cr, "Noto Serif CJK TC Bold 24", "出國報告 Landscape", MARGIN, MARGIN, 600);
  show_text (cr, "Noto Sans CJK TC 12", latin_cjk, MARGIN, 120, 700);
  cairo_show_page (cr);
  cairo_pdf_surface_set_size (surface, A4_WIDTH, A4_HEIGHT);
  draw_faces (cr);
  cairo_show_page (cr);
  draw_angled (cr);
  cairo_show_page (cr);
  draw_table (cr);
  cairo_show_page (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return path;
}

/* A PDF written here, objects numbered from 1 in order. */
static void
add_object (GString    *pdf,
            GArray     *offsets,
            const char *body)
{
  gsize offset = pdf->len;

  g_array_append_val (offsets, offset);
  g_string_append_printf (pdf, "%u 0 obj\n%s\nendobj\n", offsets->len, body);
}

static void
add_page (GString    *pdf,
          GArray     *offsets,
          const char *resources,
          const char *content)
{
  g_autofree char *page = g_strdup_printf ("<< /Type /Page /Parent 2 0 R /Resources %s /Contents %u 0 R >>",
                                           resources, offsets->len + 2);
  g_autofree char *stream = g_strdup_printf ("<< /Length %zu >>\nstream\n%s\nendstream", strlen (content),
                                             content);

  add_object (pdf, offsets, page);
  add_object (pdf, offsets, stream);
}

/* Pages that give the name /F1 to two fonts, name one font twice, draw
 * with a font they do not name, and have no font at all. */
static char *
make_font_names (const char *dir)
{
  char *path = g_build_filename (dir, "font-names.pdf", NULL);
  g_autoptr(GString) pdf = g_string_new ("%PDF-1.4\n");
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GError) error = NULL;
  gsize xref;

  add_object (pdf, offsets, "<< /Type /Catalog /Pages 2 0 R >>");
  add_object (pdf, offsets, "<< /Type /Pages /Kids [5 0 R 7 0 R 9 0 R 11 0 R 13 0 R] /Count 5 >>");
  add_object (pdf, offsets, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  add_object (pdf, offsets, "<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold >>");
  add_page (pdf, offsets, "<< /Font << /F1 3 0 R >> >>",
            "BT /F1 14 Tf 72 700 Td (First page in Helvetica) Tj ET");
  add_page (pdf, offsets, "<< /Font << /F1 4 0 R >> >>",
            "BT /F1 12 Tf 72 700 Td (Second page, F1 is Courier Bold) Tj ET");
  add_page (pdf, offsets, "<< /Font << /F2 3 0 R >> >>",
            "BT /F2 10 Tf 72 700 Td (Helvetica named F2) Tj /F1 10 Tf 0 -20 Td (F1 is not named here) Tj ET");
  add_page (pdf, offsets, "<< >>",
            "BT /F1 10 Tf 72 700 Td (No font at all) Tj ET");
  add_page (pdf, offsets, "<< /Font << /F1 3 0 R >> >>",
            "BT /F1 9 Tf 72 700 Td (Helvetica again) Tj ET");

  xref = pdf->len;
  g_string_append_printf (pdf, "xref\n0 %u\n0000000000 65535 f \n", offsets->len + 1);
  for (guint i = 0; i < offsets->len; i++)
    g_string_append_printf (pdf, "%010zu 00000 n \n", g_array_index (offsets, gsize, i));
  g_string_append_printf (pdf, "trailer\n<< /Size %u /Root 1 0 R >>\nstartxref\n%zu\n%%%%EOF\n",
                          offsets->len + 1, xref);
  g_file_set_contents (path, pdf->str, (gssize) pdf->len, &error);
  g_assert_no_error (error);
  return path;
}

static GBytes *
read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

/* Every page of @path as both read it; returns how many pages had text. */
static guint
assert_same_as_glib (const char *path)
{
  g_autoptr(GBytes) data = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(TrPdfText) text = tr_pdf_text_new (data, NULL, &error);
  PopplerDocument *document = poppler_document_new_from_bytes (data, NULL, &error);
  guint with_text = 0;
  int n_pages;

  g_assert_no_error (error);
  g_assert_nonnull (text);
  n_pages = poppler_document_get_n_pages (document);
  g_assert_cmpuint (tr_pdf_text_get_n_pages (text), ==, (guint) n_pages);

  for (int i = 0; i < n_pages; i++)
    {
      PopplerPage *page = poppler_document_get_page (document, i);
      g_auto(TrPdfPageText) ours = { 0 };
      g_autofree char *glib_text = poppler_page_get_text (page);
      g_autofree PopplerRectangle *rects = NULL;
      guint n_rects = 0;
      GList *runs = poppler_page_get_text_attributes (page);
      double width, height;
      guint r = 0;

      g_test_message ("%s, page %d", path, i + 1);
      tr_pdf_text_read_page (text, (guint) i, &ours);
      poppler_page_get_size (page, &width, &height);
      g_assert_cmpfloat (ours.width, ==, width);
      g_assert_cmpfloat (ours.height, ==, height);
      g_assert_cmpstr (ours.text, ==, glib_text);
      with_text += glib_text[0] != '\0';

      if (!poppler_page_get_text_layout (page, &rects, &n_rects))
        n_rects = 0;
      g_assert_cmpuint (ours.n_rects, ==, n_rects);
      for (guint k = 0; k < n_rects; k++)
        {
          g_assert_cmpfloat (ours.rects[k].x1, ==, rects[k].x1);
          g_assert_cmpfloat (ours.rects[k].y1, ==, rects[k].y1);
          g_assert_cmpfloat (ours.rects[k].x2, ==, rects[k].x2);
          g_assert_cmpfloat (ours.rects[k].y2, ==, rects[k].y2);
        }

      for (GList *l = runs; l != NULL; l = l->next, r++)
        {
          const PopplerTextAttributes *theirs = l->data;
          const TrPdfTextRun *run;

          g_assert_cmpuint (r, <, ours.runs->len);
          run = &g_array_index (ours.runs, TrPdfTextRun, r);
          g_assert_cmpint (run->start, ==, theirs->start_index);
          g_assert_cmpint (run->end, ==, theirs->end_index);
          g_assert_cmpstr (run->font_name, ==, theirs->font_name);
          g_assert_cmpfloat (run->font_size, ==, theirs->font_size);
          g_assert_cmpint (!!run->underlined, ==, !!theirs->is_underlined);
          g_assert_cmpuint (run->red, ==, theirs->color.red);
          g_assert_cmpuint (run->green, ==, theirs->color.green);
          g_assert_cmpuint (run->blue, ==, theirs->color.blue);
        }
      g_assert_cmpuint (r, ==, ours.runs->len);
      poppler_page_free_text_attributes (runs);
      g_object_unref (page);
    }
  g_object_unref (document);
  return with_text;
}

static void
test_layouts (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tr-pdf-text-XXXXXX", NULL);
  g_autofree char *path = make_layouts (dir);

  g_assert_cmpuint (assert_same_as_glib (path), ==, 6);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* Pages turned by /Rotate: poppler's boxes then turn with them. */
static void
test_rotated_pages (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tr-pdf-text-XXXXXX", NULL);
  g_autofree char *path = make_layouts (dir);
  g_autofree char *rotated = g_build_filename (dir, "rotated.pdf", NULL);
  g_autofree char *qpdf = g_find_program_in_path ("qpdf");
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (qpdf == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }
  {
    const char *argv[] = { qpdf, "--rotate=+90:2,5", "--rotate=+270:3", "--rotate=180:6", path, rotated, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL, NULL, &status, &error);
  }
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  g_assert_cmpuint (assert_same_as_glib (rotated), ==, 6);
  g_assert_no_errno (g_remove (rotated));
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

/* One name for two fonts, two names for one, a font the page does not
 * name (poppler draws nothing with it), a page without fonts. */
static void
test_font_names (void)
{
  g_autofree char *dir = g_dir_make_tmp ("tr-pdf-text-XXXXXX", NULL);
  g_autofree char *path = make_font_names (dir);

  g_assert_cmpuint (assert_same_as_glib (path), ==, 4);
  g_assert_no_errno (g_remove (path));
  g_assert_no_errno (g_rmdir (dir));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf-text/layouts", test_layouts);
  g_test_add_func ("/pdf-text/rotated-pages", test_rotated_pages);
  g_test_add_func ("/pdf-text/font-names", test_font_names);
  return g_test_run ();
}
