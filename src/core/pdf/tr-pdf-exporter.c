/* tr-pdf-exporter.c: the laid-out pages written as a PDF file
 *
 * cairo's PDF surface writes each page as it is drawn, straight into the
 * safe writer's temporary file: a PDF is never held whole in memory. It
 * embeds the fonts as subsets and keeps the text as text; the headings
 * become bookmarks (cairo_pdf_surface_add_outline) pointing at the named
 * destinations the layout draws at each heading.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "tr-pdf-exporter.h"
#include "tr-pdf-layout.h"

/* The share of the work that laying out takes; drawing takes the rest. */
#define LAYOUT_SHARE 0.6

/* Progress, told in the main context of the caller -------------------- */

typedef struct {
  TrExportProgressFunc  callback;
  gpointer              data;
  GMainContext         *context;
} Progress;

typedef struct {
  TrExportProgressFunc  callback;
  gpointer              data;
  double                fraction;
} ProgressEvent;

static void
progress_init (Progress             *progress,
               TrExportProgressFunc  callback,
               gpointer              data)
{
  progress->callback = callback;
  progress->data = data;
  progress->context = callback != NULL ? g_main_context_ref_thread_default () : NULL;
}

static void
progress_clear (Progress *progress)
{
  g_clear_pointer (&progress->context, g_main_context_unref);
}

static gboolean
dispatch_progress (gpointer user_data)
{
  ProgressEvent *event = user_data;

  event->callback (event->fraction, event->data);
  return G_SOURCE_REMOVE;
}

static void
progress_report (Progress *progress,
                 double    fraction)
{
  ProgressEvent *event;
  GSource *source;

  if (progress->callback == NULL)
    return;
  if (progress->context == NULL)
    {
      progress->callback (fraction, progress->data);
      return;
    }
  event = g_new (ProgressEvent, 1);
  event->callback = progress->callback;
  event->data = progress->data;
  event->fraction = fraction;
  /* A source of the caller's context, never g_main_context_invoke(): that
   * calls in this thread when nobody iterates the context at the time (a
   * window between two loops), and the callback touches widgets. */
  source = g_idle_source_new ();
  g_source_set_priority (source, G_PRIORITY_DEFAULT);
  g_source_set_callback (source, dispatch_progress, event, g_free);
  g_source_set_name (source, "[trip-reports] export progress");
  g_source_attach (source, progress->context);
  g_source_unref (source);
}

/* Writing ----------------------------------------------------------------- */

typedef struct {
  TrReport   *snapshot;   /* or NULL when given a document */
  TrReview   *review;     /* for the review form */
  TrDocument *document;   /* until laid out */
  Progress    progress;
  guint       n_pages;
} PdfExport;

static void
pdf_export_free (PdfExport *export)
{
  g_clear_object (&export->snapshot);
  g_clear_object (&export->review);
  g_clear_pointer (&export->document, tr_document_free);
  progress_clear (&export->progress);
  g_free (export);
}

static void
layout_progress (double   fraction,
                 gpointer user_data)
{
  PdfExport *export = user_data;

  progress_report (&export->progress, fraction * LAYOUT_SHARE);
}

/* cairo hands its output over in thousands of small pieces (an object's
 * header, a line of the cross-reference table): gathered here, the file
 * gets them in a few large writes rather than a system call each. */
#define SINK_BUFFER_SIZE (64 * 1024)

typedef struct {
  TrExportSink *sink;
  gsize         length;
  guint8        data[SINK_BUFFER_SIZE];
} SinkBuffer;

static gboolean
sink_buffer_flush (SinkBuffer *buffer)
{
  gsize length = buffer->length;

  buffer->length = 0;
  return length == 0 || tr_export_sink_write (buffer->sink, buffer->data, length);
}

static cairo_status_t
write_to_sink (void                *closure,
               const unsigned char *data,
               unsigned int         length)
{
  SinkBuffer *buffer = closure;

  if (buffer->length + length > SINK_BUFFER_SIZE && !sink_buffer_flush (buffer))
    return CAIRO_STATUS_WRITE_ERROR;
  if (length >= SINK_BUFFER_SIZE)
    return tr_export_sink_write (buffer->sink, data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
  memcpy (buffer->data + buffer->length, data, length);
  buffer->length += length;
  return CAIRO_STATUS_SUCCESS;
}

static char *
format_date (GDateTime *date_time)
{
  g_autoptr(GDateTime) utc = NULL;

  if (date_time == NULL)
    return NULL;
  utc = g_date_time_to_utc (date_time);
  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

static void
set_metadata (cairo_surface_t *surface,
              TrDocument      *document)
{
  g_autofree char *keywords = g_strjoinv (", ", document->keywords);
  g_autofree char *created = format_date (document->created);
  g_autofree char *modified = format_date (document->modified);
  const struct {
    cairo_pdf_metadata_t  key;
    const char           *value;
  } metadata[] = {
    { CAIRO_PDF_METADATA_TITLE, document->title },
    { CAIRO_PDF_METADATA_AUTHOR, document->author },
    { CAIRO_PDF_METADATA_SUBJECT, document->subject },
    { CAIRO_PDF_METADATA_KEYWORDS, keywords },
    { CAIRO_PDF_METADATA_CREATOR, "Trip Reports " PACKAGE_VERSION },
    { CAIRO_PDF_METADATA_CREATE_DATE, created },
    { CAIRO_PDF_METADATA_MOD_DATE, modified },
  };

  for (guint i = 0; i < G_N_ELEMENTS (metadata); i++)
    if (metadata[i].value != NULL && metadata[i].value[0] != '\0')
      cairo_pdf_surface_set_metadata (surface, metadata[i].key, metadata[i].value);
}

static void
add_outline (cairo_surface_t *surface,
             TrDocument      *document)
{
  for (guint i = 0; i < document->headings->len; i++)
    {
      TrDocHeading *heading = g_ptr_array_index (document->headings, i);
      g_autofree char *link = g_strdup_printf ("dest='%s'", heading->anchor);

      cairo_pdf_surface_add_outline (surface, CAIRO_PDF_OUTLINE_ROOT, heading->label, link, 0);
    }
}

static gpointer
release_layout (gpointer layout)
{
  g_object_unref (layout);
  return NULL;
}

/* Takes @layout. */
static gboolean
write_layout (TrPdfLayout   *layout,
              TrExportSink  *sink,
              PdfExport     *export,
              GCancellable  *cancellable,
              GError       **error)
{
  TrDocument *document = tr_pdf_layout_get_document (layout);
  guint n_pages = tr_pdf_layout_get_n_pages (layout);
  g_autofree SinkBuffer *buffer = g_new (SinkBuffer, 1);
  double width, height;
  cairo_surface_t *surface;
  cairo_status_t status;
  cairo_t *cr;
  GThread *releaser;
  gboolean cancelled = FALSE;

  buffer->sink = sink;
  buffer->length = 0;
  tr_pdf_layout_get_page_size (layout, &width, &height);
  surface = cairo_pdf_surface_create_for_stream (write_to_sink, buffer, width, height);
  set_metadata (surface, document);
  cr = cairo_create (surface);
  for (guint page = 0; page < n_pages; page++)
    {
      if (g_cancellable_is_cancelled (cancellable) || cairo_status (cr) != CAIRO_STATUS_SUCCESS)
        {
          cancelled = g_cancellable_is_cancelled (cancellable);
          break;
        }
      tr_pdf_layout_draw_page (layout, cr, page, width, height);
      cairo_show_page (cr);
      progress_report (&export->progress, LAYOUT_SHARE + (1 - LAYOUT_SHARE) * (page + 1) / n_pages);
    }
  if (!cancelled)
    add_outline (surface, document);
  cairo_destroy (cr);
  /* cairo needs nothing of the layout now, and writing the fonts takes it
   * longest: the layout's thousands of Pango objects are freed meanwhile,
   * in a thread of their own. */
  releaser = g_thread_try_new ("tr-pdf-release", release_layout, layout, NULL);
  if (releaser == NULL)
    g_object_unref (layout);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);
  /* The layout's font maps are back for the next one. */
  if (releaser != NULL)
    g_thread_join (releaser);
  if (status == CAIRO_STATUS_SUCCESS && !cancelled && !sink_buffer_flush (buffer))
    status = CAIRO_STATUS_WRITE_ERROR;

  if (cancelled || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_cancellable_set_error_if_cancelled (cancellable, error);
      return FALSE;
    }
  if (status == CAIRO_STATUS_WRITE_ERROR)
    /* The sink knows why (the disk is full); the writer says it. */
    return FALSE;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not make the PDF: %s"),
                   cairo_status_to_string (status));
      return FALSE;
    }
  export->n_pages = n_pages;
  return TRUE;
}

static gboolean
write_pdf (TrExportSink  *sink,
           gpointer       user_data,
           GCancellable  *cancellable,
           GError       **error)
{
  PdfExport *export = user_data;
  TrPdfLayout *layout;
  TrDocument *document;

  if (export->document != NULL)
    document = g_steal_pointer (&export->document);
  else if (export->review != NULL)
    document = tr_document_new_for_review_form (export->snapshot, export->review);
  else
    document = tr_document_new_for_report (export->snapshot, NULL);

  layout = tr_pdf_layout_new (document, layout_progress, export, cancellable, error);
  if (layout == NULL)
    return FALSE;
  return write_layout (layout, sink, export, cancellable, error);
}

/* In place ------------------------------------------------------------------ */

static gboolean
export_in_place (PdfExport     *export,
                 GFile         *file,
                 guint         *out_n_pages,
                 GCancellable  *cancellable,
                 GError       **error)
{
  gboolean ok = tr_export_file_write (file, write_pdf, export, cancellable, error);

  if (ok && out_n_pages != NULL)
    *out_n_pages = export->n_pages;
  pdf_export_free (export);
  return ok;
}

gboolean
tr_pdf_export_to_file (TrReport      *report,
                       GFile         *file,
                       guint         *out_n_pages,
                       GCancellable  *cancellable,
                       GError       **error)
{
  PdfExport *export;

  g_return_val_if_fail (TR_IS_REPORT (report), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export = g_new0 (PdfExport, 1);
  export->snapshot = g_object_ref (report);
  return export_in_place (export, file, out_n_pages, cancellable, error);
}

gboolean
tr_pdf_export_document (TrDocument    *document,
                        GFile         *file,
                        guint         *out_n_pages,
                        GCancellable  *cancellable,
                        GError       **error)
{
  PdfExport *export;

  g_return_val_if_fail (document != NULL, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export = g_new0 (PdfExport, 1);
  export->document = document;
  return export_in_place (export, file, out_n_pages, cancellable, error);
}

gboolean
tr_pdf_review_form_to_file (TrReport      *report,
                            TrReview      *review,
                            GFile         *file,
                            GCancellable  *cancellable,
                            GError       **error)
{
  PdfExport *export;

  g_return_val_if_fail (TR_IS_REPORT (report), FALSE);
  g_return_val_if_fail (TR_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  export = g_new0 (PdfExport, 1);
  export->snapshot = g_object_ref (report);
  export->review = g_object_ref (review);
  return export_in_place (export, file, NULL, cancellable, error);
}

guint
tr_pdf_count_pages (TrReport      *report,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(TrPdfLayout) layout = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  layout = tr_pdf_layout_new (tr_document_new_for_report (report, NULL), NULL, NULL, cancellable, error);
  return layout != NULL ? tr_pdf_layout_get_n_pages (layout) : 0;
}

/* In a thread ------------------------------------------------------------- */

void
tr_pdf_export_async (TrReport             *report,
                     GFile                *file,
                     TrExportProgressFunc  progress,
                     gpointer              progress_data,
                     GCancellable         *cancellable,
                     GAsyncReadyCallback   callback,
                     gpointer              user_data)
{
  PdfExport *export;

  g_return_if_fail (TR_IS_REPORT (report));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  /* TrReport is not thread-safe: the thread works on a copy. */
  export = g_new0 (PdfExport, 1);
  export->snapshot = tr_report_copy (report);
  progress_init (&export->progress, progress, progress_data);
  tr_export_file_write_async (file, write_pdf, export, (GDestroyNotify) pdf_export_free,
                              tr_pdf_export_async, cancellable, callback, user_data);
}

gboolean
tr_pdf_export_finish (GAsyncResult  *result,
                      guint         *out_n_pages,
                      GError       **error)
{
  PdfExport *export = NULL;
  gboolean ok;

  g_return_val_if_fail (g_async_result_is_tagged (result, tr_pdf_export_async), FALSE);

  ok = tr_export_file_write_finish (result, (gpointer *) &export, error);
  if (ok && out_n_pages != NULL)
    *out_n_pages = export->n_pages;
  return ok;
}

void
tr_pdf_review_form_export_async (TrReport            *report,
                                 TrReview            *review,
                                 GFile               *file,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  PdfExport *export;

  g_return_if_fail (TR_IS_REPORT (report));
  g_return_if_fail (TR_IS_REVIEW (review));
  g_return_if_fail (G_IS_FILE (file));

  export = g_new0 (PdfExport, 1);
  export->snapshot = tr_report_copy (report);
  export->review = tr_review_copy (review);
  tr_export_file_write_async (file, write_pdf, export, (GDestroyNotify) pdf_export_free,
                              tr_pdf_review_form_export_async, cancellable, callback, user_data);
}

gboolean
tr_pdf_review_form_export_finish (GAsyncResult  *result,
                                  GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, tr_pdf_review_form_export_async), FALSE);

  return tr_export_file_write_finish (result, NULL, error);
}

/* Laying out in a thread, for printing ------------------------------------ */

static void
whole_progress (double   fraction,
                gpointer user_data)
{
  PdfExport *export = user_data;

  /* Laying out is the whole work here. */
  progress_report (&export->progress, fraction);
}

static void
lay_out_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  PdfExport *export = task_data;
  TrDocument *document;
  TrPdfLayout *layout;
  GError *error = NULL;

  if (export->review != NULL)
    document = tr_document_new_for_review_form (export->snapshot, export->review);
  else
    document = tr_document_new_for_report (export->snapshot, NULL);
  layout = tr_pdf_layout_new (document, whole_progress, export, cancellable, &error);
  if (layout == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, layout, g_object_unref);
}

static void
lay_out_async (PdfExport           *export,
               GCancellable        *cancellable,
               GAsyncReadyCallback  callback,
               gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, tr_pdf_layout_new_finish);
  g_task_set_name (task, "[trip-reports] tr_pdf_layout_new_async");
  g_task_set_task_data (task, export, (GDestroyNotify) pdf_export_free);
  g_task_run_in_thread (task, lay_out_thread);
}

void
tr_pdf_layout_new_for_report_async (TrReport            *report,
                                    TrExportProgressFunc progress,
                                    gpointer             progress_data,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  PdfExport *export;

  g_return_if_fail (TR_IS_REPORT (report));

  export = g_new0 (PdfExport, 1);
  export->snapshot = tr_report_copy (report);
  progress_init (&export->progress, progress, progress_data);
  lay_out_async (export, cancellable, callback, user_data);
}

void
tr_pdf_layout_new_for_review_form_async (TrReport            *report,
                                         TrReview            *review,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  PdfExport *export;

  g_return_if_fail (TR_IS_REPORT (report));
  g_return_if_fail (TR_IS_REVIEW (review));

  export = g_new0 (PdfExport, 1);
  export->snapshot = tr_report_copy (report);
  export->review = tr_review_copy (review);
  lay_out_async (export, cancellable, callback, user_data);
}

TrPdfLayout *
tr_pdf_layout_new_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_async_result_is_tagged (result, tr_pdf_layout_new_finish), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* File names ----------------------------------------------------------------- */

char *
tr_pdf_export_suggest_name (TrReport *report)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  stem = tr_export_name_stem (report);
  return g_strconcat (stem, ".pdf", NULL);
}

char *
tr_pdf_review_form_suggest_name (TrReport *report)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  stem = tr_export_name_stem (report);
  return g_strconcat (stem, "-審核表.pdf", NULL);
}
