/* import-reader.c: poppler's reading of PDFs: lines, bad input, passwords, photos
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-import.h"

static const TrLayoutLine *
find_line (GPtrArray  *lines,
           const char *text,
           guint      *out_index)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (strstr (line->text, text) != NULL)
        {
          if (out_index != NULL)
            *out_index = i;
          return line;
        }
    }
  g_error ("no line with “%s”", text);
  return NULL;
}

static const TrLayoutLine *
find_exact_line (GPtrArray  *lines,
                 const char *text,
                 guint      *out_index)
{
  for (guint i = 0; i < lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, i);

      if (g_str_equal (line->text, text))
        {
          if (out_index != NULL)
            *out_index = i;
          return line;
        }
    }
  g_error ("no line “%s”", text);
  return NULL;
}

/* Lines come back in reading order, with their page, box, size and weight;
 * table cells of one row are one line, separated by tabs. */
static void
test_reader_lines (void)
{
  g_autoptr(TrReport) report = make_report (1, 1, FALSE);
  TrPdfReportLayout layout = {
    .headings = TR_PDF_HEADINGS_NUMBERED, .form = TRUE, .toc = TRUE,
    .running_header = "國家發展委員會出國報告", .footer = "- %u -",
  };
  g_autofree char *path = make_pdf (report, &layout, "reader-lines.pdf");
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  const TrLayoutLine *heading, *body, *row, *toc, *footer, *header;
  guint n_pages = 0, heading_index, body_index, second_index;

  lines = read_lines (path, NULL, &n_pages, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >=, 5);

  /* Pages in order; top to bottom within a page. */
  for (guint i = 1; i < lines->len; i++)
    {
      const TrLayoutLine *a = g_ptr_array_index (lines, i - 1), *b = g_ptr_array_index (lines, i);

      g_assert_cmpuint (a->page, <=, b->page);
      if (a->page == b->page)
        g_assert_cmpfloat (a->y, <=, b->y);
      g_assert_cmpfloat_with_epsilon (b->page_width, 595.276, 0.01);
      g_assert_cmpuint (b->page, <, n_pages);
    }

  heading = find_exact_line (lines, "壹、目的", &heading_index);
  g_assert_cmpfloat_with_epsilon (heading->font_size, TR_PDF_HEADING_SIZE, 0.05);
  g_assert_true (heading->bold);
  g_assert_cmpfloat_with_epsilon (heading->x, 72.0, 1.0);

  body = find_line (lines, "愛沙尼亞自1991年恢復獨立後", &body_index);
  g_assert_cmpuint (body_index, ==, heading_index + 1);
  g_assert_cmpfloat_with_epsilon (body->font_size, TR_PDF_BODY_SIZE, 0.05);
  g_assert_false (body->bold);
  /* The first line of a paragraph is indented by two characters. */
  g_assert_cmpfloat_with_epsilon (body->x, 72.0 + 2 * TR_PDF_BODY_SIZE, 1.0);
  g_assert_cmpfloat (body->y, >, heading->y + heading->height / 2);
  g_assert_cmpfloat (body->width, >, 300);
  /* The paragraph goes on on the next line, at the margin. */
  {
    const TrLayoutLine *next = g_ptr_array_index (lines, body_index + 1);

    g_assert_cmpfloat_with_epsilon (next->x, 72.0, 1.0);
    g_assert_cmpfloat_with_epsilon (next->y - body->y, TR_PDF_BODY_SIZE * 1.5, 0.5);
  }
  find_line (lines, "二、觀摩e-Estonia展示中心", &second_index);
  g_assert_cmpuint (second_index, >, body_index);

  /* The 提要 form: label and value cells make one line. */
  row = find_line (lines, "出國計畫主辦機關", NULL);
  g_assert_cmpstr (row->text, ==, "出國計畫主辦機關\t國家發展委員會");
  g_assert_cmpfloat_with_epsilon (row->font_size, TR_PDF_TABLE_SIZE, 0.05);
  row = find_line (lines, "出國期間", NULL);
  g_assert_cmpstr (row->text, ==, "出國期間\t105年7月9日至105年7月15日\t出國地區\t愛沙尼亞");
  row = find_line (lines, "出國類別", NULL);
  g_assert_nonnull (strstr (row->text, "☑考察"));
  g_assert_nonnull (strstr (row->text, "☐進修"));
  /* A schedule row. */
  row = find_line (lines, "7月10日", NULL);
  g_assert_true (g_str_has_prefix (row->text, "7月10日\t參訪e-Estonia展示中心"));

  /* The 目次, with its dot leaders. */
  toc = find_line (lines, "貳、過程", NULL);
  g_assert_true (g_regex_match_simple ("^貳、過程 ?\\.{20,} ?[0-9]+$", toc->text, 0, 0));
  g_assert_false (toc->bold);

  /* Running header and page number. */
  header = find_line (lines, "國家發展委員會出國報告", NULL);
  g_assert_cmpfloat_with_epsilon (header->font_size, TR_PDF_HEADER_SIZE, 0.05);
  g_assert_cmpfloat (header->y, <, 40);
  footer = find_line (lines, "-1-", NULL);
  g_assert_cmpfloat (footer->y, >, 780);
  g_assert_cmpuint (footer->page, ==, 0);
}

static void
test_reader_bad_input (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_files); i++)
    {
      g_autofree char *path = bad_files[i].make ();
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) lines = NULL;
      guint n_pages = 12345;

      g_test_message ("%s", bad_files[i].name);
      lines = read_lines (path, NULL, &n_pages, &error);
      g_assert_null (lines);
      assert_error (error, bad_files[i].code, bad_files[i].words);
      g_assert_cmpuint (n_pages, ==, 12345);
    }
}

static void
test_reader_encrypted (void)
{
  g_autofree char *good = make_small_pdf ("encrypt-source.pdf", 12);
  g_autofree char *path = encrypt_pdf (good, "encrypted.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) plain_lines = NULL;

  if (path == NULL)
    {
      g_test_skip ("qpdf is not installed");
      return;
    }

  lines = read_lines (path, NULL, NULL, &error);
  g_assert_null (lines);
  assert_error (error, TR_ERROR_PDF_ENCRYPTED, "password");
  g_clear_error (&error);

  lines = read_lines (path, "", NULL, &error);
  assert_error (error, TR_ERROR_PDF_ENCRYPTED, "password");
  g_clear_error (&error);

  lines = read_lines (path, "wrong", NULL, &error);
  g_assert_null (lines);
  assert_error (error, TR_ERROR_PDF_BAD_PASSWORD, "password of the PDF is wrong");
  g_clear_error (&error);

  lines = read_lines (path, ENCRYPT_PASSWORD, NULL, &error);
  g_assert_no_error (error);
  plain_lines = read_lines (good, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lines->len, ==, plain_lines->len);
  for (guint i = 0; i < lines->len; i++)
    g_assert_cmpstr (((TrLayoutLine *) g_ptr_array_index (lines, i))->text, ==,
                     ((TrLayoutLine *) g_ptr_array_index (plain_lines, i))->text);
}

static gboolean
stop_at_page_two (guint    page,
                  guint    n_pages,
                  gpointer user_data)
{
  guint *calls = user_data;

  g_assert_cmpuint (page, ==, ++*calls);
  return page < 2;
}

static void
test_reader_progress (void)
{
  g_autofree char *path = make_small_pdf ("progress.pdf", 13);
  g_autoptr(GBytes) bytes = read_bytes (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  guint calls = 0;

  lines = tr_pdf_read_lines (bytes, NULL, NULL, stop_at_page_two, &calls, &error);
  g_assert_null (lines);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (calls, ==, 2);
}

static void
paint_picture (cairo_t *cr,
               double   x,
               double   y,
               int      width,
               int      height,
               double   red)
{
  cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, width, height);
  cairo_t *image_cr = cairo_create (image);
  cairo_pattern_t *gradient = cairo_pattern_create_linear (0, 0, width, height);

  cairo_pattern_add_color_stop_rgb (gradient, 0, red, 0.3, 0.6);
  cairo_pattern_add_color_stop_rgb (gradient, 1, 0.9, red, 0.2);
  cairo_set_source (image_cr, gradient);
  cairo_paint (image_cr);
  cairo_pattern_destroy (gradient);
  cairo_destroy (image_cr);

  cairo_set_source_surface (cr, image, x, y);
  cairo_paint (cr);
  cairo_surface_destroy (image);
}

static void
show_text (cairo_t    *cr,
           double      x,
           double      y,
           const char *text)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  PangoFontDescription *font = pango_font_description_from_string ("Noto Sans CJK TC 10");

  pango_layout_set_font_description (layout, font);
  pango_font_description_free (font);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (cr, 0, 0, 0);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Two photos side by side share one line of captions; a third stands
 * alone; a small logo is no photo. */
static void
test_reader_photos_in_a_row (void)
{
  g_autofree char *path = test_path ("photos-row.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GArray) caption_lines = NULL;
  g_autoptr(GError) error = NULL;
  const char * const captions[] = { "左邊的照片", "右邊的照片", "單獨一張照片" };
  guint n_pages = 0, row_line, single_line;

  paint_picture (cr, 520, 30, 24, 24, 0.1);
  show_text (cr, 72, 60, "附錄");
  paint_picture (cr, 72, 100, 200, 150, 0.2);
  paint_picture (cr, 323, 100, 200, 150, 0.5);
  show_text (cr, 110, 256, "照片1：左邊的照片");
  show_text (cr, 360, 256, "照片2：右邊的照片");
  paint_picture (cr, 197, 320, 200, 260, 0.8);
  show_text (cr, 240, 586, "照片 3　單獨一張照片");
  show_text (cr, 72, 640, "以上照片均由出國人員拍攝。");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  data = read_bytes (path);
  lines = tr_pdf_read_lines (data, NULL, &n_pages, NULL, NULL, &error);
  g_assert_no_error (error);
  photos = tr_pdf_read_photos (data, NULL, 0, lines, &caption_lines, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (photos->len, ==, G_N_ELEMENTS (captions));
  for (guint i = 0; i < photos->len; i++)
    {
      TrPhoto *photo = g_ptr_array_index (photos, i);

      g_test_message ("photo %u: %u × %u, “%s”", i + 1, tr_photo_get_width (photo),
                      tr_photo_get_height (photo), tr_photo_get_caption (photo));
      g_assert_cmpstr (tr_photo_get_caption (photo), ==, captions[i]);
      g_assert_cmpuint (tr_photo_get_width (photo), ==, 200);
    }
  g_assert_cmpuint (tr_photo_get_height (g_ptr_array_index (photos, 2)), ==, 260);
  /* The two caption lines went whole into captions; the note under them
   * is no caption. */
  find_line (lines, "左邊的照片", &row_line);
  find_line (lines, "單獨一張照片", &single_line);
  g_assert_cmpuint (caption_lines->len, ==, 2);
  g_assert_cmpuint (g_array_index (caption_lines, guint, 0), ==, row_line);
  g_assert_cmpuint (g_array_index (caption_lines, guint, 1), ==, single_line);

  /* From a later page on, there are none. */
  g_clear_pointer (&photos, g_ptr_array_unref);
  photos = tr_pdf_read_photos (data, NULL, 1, lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (photos->len, ==, 0);
}

/* One picture over a line with two numbered captions: the second one's
 * picture is missing, so the line is not all the photo's caption. */
static void
test_reader_photos_missing_from_row (void)
{
  g_autofree char *path = test_path ("photos-missing-from-row.pdf");
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GPtrArray) photos = NULL;
  g_autoptr(GArray) caption_lines = NULL;
  g_autoptr(GError) error = NULL;
  guint row_line;

  show_text (cr, 72, 60, "附錄");
  paint_picture (cr, 72, 100, 200, 150, 0.2);
  show_text (cr, 110, 256, "照片1：左邊的照片");
  show_text (cr, 360, 256, "照片2：右邊沒有照片");
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  data = read_bytes (path);
  lines = tr_pdf_read_lines (data, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  find_line (lines, "照片2：右邊沒有照片", &row_line);
  g_assert_nonnull (strstr (((TrLayoutLine *) g_ptr_array_index (lines, row_line))->text, "照片1：左邊的照片"));

  photos = tr_pdf_read_photos (data, NULL, 0, lines, &caption_lines, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (photos->len, ==, 1);
  g_test_message ("caption: “%s”", tr_photo_get_caption (g_ptr_array_index (photos, 0)));
  g_assert_true (g_str_has_prefix (tr_photo_get_caption (g_ptr_array_index (photos, 0)), "左邊的照片"));
  g_assert_cmpuint (caption_lines->len, ==, 0);
}

void
add_reader_tests (void)
{
  g_test_add_func ("/import/reader/lines", test_reader_lines);
  g_test_add_func ("/import/reader/bad-input", test_reader_bad_input);
  g_test_add_func ("/import/reader/encrypted", test_reader_encrypted);
  g_test_add_func ("/import/reader/progress", test_reader_progress);
  g_test_add_func ("/import/reader/photos-in-a-row", test_reader_photos_in_a_row);
  g_test_add_func ("/import/reader/photos-missing-from-row", test_reader_photos_missing_from_row);
}
