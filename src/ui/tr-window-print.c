/* tr-window-print.c: the open report, or its review form, printed
 *
 * The pages are laid out once, in a thread, before the print dialog
 * opens, rather than in GtkPrintOperation's begin-print or paginate: those
 * run on the main thread, and paginate can only wait for a thread by
 * returning FALSE, which GTK calls again at once, spinning a core until
 * the layout is done. Laid out first, the dialog knows the number of
 * pages (for its page ranges and preview), draw-page only draws, and the
 * window stays responsive, with a toast showing the progress and a
 * Cancel for a long report.
 *
 * The layout is A4, as the rules have it; on other paper it is scaled to
 * fit and centred by tr_pdf_layout_draw_page(). It is the PDF's layout,
 * so a printed report has the pages of its PDF, and its number of pages
 * becomes the report's 頁數.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-pdf-layout.h"
#include "tr-progress-toast.h"
#include "tr-window-private.h"

typedef struct {
  TrWindow *window;
  TrReport *report;
  gboolean review_form;
  GFile *export_file;        /* no dialog: written there (the tests) */
  GCancellable *cancellable;
  TrProgressToast *progress;
  TrPdfLayout *layout;
  GTask *task;               /* says how it ended */
} Print;

static void
print_free (Print *print)
{
  if (print->progress != NULL)
    tr_progress_toast_finish (print->progress);
  g_clear_object (&print->progress);
  g_object_unref (print->window);
  g_object_unref (print->report);
  g_clear_object (&print->export_file);
  g_object_unref (print->cancellable);
  g_clear_object (&print->layout);
  /* Ended without a word (the dialog was cancelled): nothing printed. */
  if (print->task != NULL)
    g_task_return_new_error (print->task, G_IO_ERROR, G_IO_ERROR_CANCELLED, "Not printed");
  g_clear_object (&print->task);
  g_free (print);
}

/* Says how it ended, once: @error (taken) or the number of pages. */
static void
print_return (Print  *print,
              guint   n_pages,
              GError *error)
{
  g_autoptr(GTask) task = g_steal_pointer (&print->task);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n_pages);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Print, print_free)

static void
print_closure_free (gpointer  data,
                    GClosure *closure)
{
  print_free (data);
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           Print             *print)
{
  tr_pdf_layout_draw_page (print->layout, gtk_print_context_get_cairo_context (context), page,
                           gtk_print_context_get_width (context), gtk_print_context_get_height (context));
}

static void
print_done (GtkPrintOperation       *operation,
            GtkPrintOperationResult  result,
            Print                   *print)
{
  TrWindow *self = print->window;
  GError *error = NULL;
  guint n_pages = tr_pdf_layout_get_n_pages (print->layout);

  switch (result)
    {
    case GTK_PRINT_OPERATION_RESULT_ERROR:
      gtk_print_operation_get_error (operation, &error);
      if (error == NULL)
        error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_FAILED, _("The printing system gave no reason"));
      {
        /* TRANSLATORS: %s is why, from the printing system */
        g_autofree char *message = g_strdup_printf (_("Could not print: %s"), error->message);

        _tr_window_toast (self, message);
      }
      print_return (print, 0, error);
      break;
    case GTK_PRINT_OPERATION_RESULT_APPLY:
      /* The printer and options chosen are offered again next time. */
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      if (!print->review_form)
        _tr_window_keep_page_count (self, print->report, n_pages);
      print_return (print, n_pages, NULL);
      break;
    case GTK_PRINT_OPERATION_RESULT_CANCEL:
    case GTK_PRINT_OPERATION_RESULT_IN_PROGRESS:
    default:
      break;
    }
}

static GtkPageSetup *
a4_page_setup (void)
{
  GtkPageSetup *setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
  return setup;
}

static void
run_print_operation (Print *print)
{
  TrWindow *self = print->window;
  g_autoptr(GtkPrintOperation) operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = a4_page_setup ();
  g_autofree char *job_name = NULL;
  GtkPrintOperationAction action = GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG;
  const char *title = _tr_window_report_title (print->report);

  job_name = print->review_form ? g_strdup_printf ("%s-審核表", title) : g_strdup (title);
  gtk_print_operation_set_job_name (operation, job_name);
  gtk_print_operation_set_n_pages (operation, (int) tr_pdf_layout_get_n_pages (print->layout));
  gtk_print_operation_set_default_page_setup (operation, setup);
  /* The layout has the official margins of its own. */
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  gtk_print_operation_set_show_progress (operation, TRUE);
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (operation, self->print_settings);
  if (print->export_file != NULL)
    {
      g_autofree char *path = g_file_get_path (print->export_file);

      gtk_print_operation_set_export_filename (operation, path);
      action = GTK_PRINT_OPERATION_ACTION_EXPORT;
    }

  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), print);
  /* The operation holds the print until it is done, however it ends. */
  g_signal_connect_data (operation, "done", G_CALLBACK (print_done), print,
                         print_closure_free, 0);
  /* An error comes with "done" too, which says it. */
  gtk_print_operation_run (operation, action, GTK_WINDOW (self), NULL);
}

static void
laid_out (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(Print) print = user_data;
  g_autoptr(GError) error = NULL;

  tr_progress_toast_finish (print->progress);
  print->layout = tr_pdf_layout_new_finish (result, &error);
  if (print->layout == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        _tr_window_toast (print->window, error->message);
      print_return (print, 0, g_steal_pointer (&error));
      return;
    }
  run_print_operation (g_steal_pointer (&print));
}

static void
layout_progress (double   fraction,
                 gpointer user_data)
{
  Print *print = user_data;

  tr_progress_toast_set_fraction (print->progress, fraction);
}

static void
saved_before_print (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Print *print = user_data;
  TrWindow *self = print->window;
  g_autoptr(GError) error = NULL;
  g_autoptr(TrReview) review = NULL;

  /* As for an export: what is shown is printed, saved or not. */
  if (!_tr_window_save_finish (self, result, &error))
    {
      _tr_window_toast (self, error->message);
      g_clear_error (&error);
    }

  print->progress = tr_progress_toast_new (self->toast_overlay, _("Preparing to print…"), print->cancellable);
  if (!print->review_form)
    {
      tr_pdf_layout_new_for_report_async (print->report, layout_progress, print, print->cancellable,
                                          laid_out, print);
      return;
    }

  review = tr_report_store_load_review (self->store, tr_report_get_id (print->report), &error);
  if (review == NULL)
    {
      _tr_window_toast (self, error->message);
      print_return (print, 0, g_steal_pointer (&error));
      print_free (print);
      return;
    }
  tr_review_prefill (review, print->report, NULL);
  tr_pdf_layout_new_for_review_form_async (print->report, review, print->cancellable, laid_out, print);
}

static void
start_print (TrWindow            *self,
             gboolean             review_form,
             GFile               *export_file,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  Print *print;

  g_task_set_source_tag (task, start_print);
  if (self->report == NULL || self->store == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, "No report is open");
      return;
    }

  print = g_new0 (Print, 1);
  print->window = g_object_ref (self);
  print->report = g_object_ref (self->report);
  print->review_form = review_form;
  print->export_file = export_file != NULL ? g_object_ref (export_file) : NULL;
  print->cancellable = g_cancellable_new ();
  print->task = g_steal_pointer (&task);
  /* Items 1 and 2 of the review form are worked out from the report as
   * saved. */
  _tr_window_save_async (self, saved_before_print, print);
}

void
_tr_window_print (TrWindow *self,
                  gboolean  review_form)
{
  start_print (self, review_form, NULL, NULL, NULL);
}

void
tr_window_print_to_file_async (TrWindow            *self,
                               gboolean             review_form,
                               GFile               *file,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_return_if_fail (TR_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  start_print (self, review_form, file, callback, user_data);
}

guint
tr_window_print_to_file_finish (TrWindow      *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  gssize n_pages;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == start_print, 0);

  n_pages = g_task_propagate_int (G_TASK (result), error);
  return n_pages > 0 ? (guint) n_pages : 0;
}
