/* tr-import-worker.c: the worker's side of an import, in a process of its own
 *
 * Reads one PDF with poppler, confined once it is open (tr-import-sandbox.h),
 * and tells the importer (tr-importer.c) what it found as JSON lines on
 * stdout (see tr-import-worker.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>
#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "tr-model-enums.h"
#include "tr-error.h"
#include "tr-import-private.h"
#include "tr-import-sandbox.h"
#include "tr-import-worker.h"
#include "tr-pdf-photos.h"
#include "tr-pdf-reader.h"
#include "tr-report-json.h"
#include "tr-report-parser.h"
#include "tr-warning.h"

static void
write_message (JsonNode *message)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *text = NULL;

  json_generator_set_root (generator, message);
  text = json_generator_to_data (generator, NULL);
  /* One line each; the parent reads them as they come. */
  fputs (text, stdout);
  fputc ('\n', stdout);
  fflush (stdout);
}

static void
write_error (const GError *error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  const char *nick = "failed";

  if (error->domain == TR_ERROR)
    {
      g_autoptr(GEnumClass) codes = g_type_class_ref (TR_TYPE_ERROR);
      GEnumValue *value = g_enum_get_value (codes, error->code);

      if (value != NULL)
        nick = value->value_nick;
    }

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "error");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "code");
  json_builder_add_string_value (builder, nick);
  json_builder_set_member_name (builder, "message");
  json_builder_add_string_value (builder, error->message);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  write_message (root);
}

static gboolean
write_progress (guint    page,
                guint    n_pages,
                gpointer user_data)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "progress");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "page");
  json_builder_add_int_value (builder, page);
  json_builder_set_member_name (builder, "pages");
  json_builder_add_int_value (builder, n_pages);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);
  write_message (root);
  return TRUE;
}

/* Each photo as a line {"photo": {"caption": …, "mime_type": …, "page": …,
 * "size": N}} and then its N bytes as they are: no Base64 to make and
 * undo. A photo that is a part of the PDF's bytes (a JPEG stored as it
 * is) is told by where it is, "offset": O, and not sent: the importer has
 * the file's bytes. They leave the report, which follows without them. */
static void
write_photos (TrReport *report,
              GArray   *pages,
              GBytes   *document)
{
  GListModel *photos = G_LIST_MODEL (tr_report_get_photos (report));
  gsize document_size;
  const guint8 *document_data = g_bytes_get_data (document, &document_size);

  for (guint i = 0; i < g_list_model_get_n_items (photos); i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (photos, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) root = NULL;
      gsize size;
      const guint8 *bytes = g_bytes_get_data (tr_photo_get_data (photo), &size);
      guintptr start = (guintptr) document_data, at = (guintptr) bytes;
      gboolean in_document = at >= start && at - start <= document_size && size <= document_size - (at - start);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "photo");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "caption");
      json_builder_add_string_value (builder, tr_photo_get_caption (photo));
      json_builder_set_member_name (builder, "mime_type");
      json_builder_add_string_value (builder, tr_photo_get_mime_type (photo));
      json_builder_set_member_name (builder, "page");
      json_builder_add_int_value (builder, pages != NULL && i < pages->len ? g_array_index (pages, guint, i) + 1 : 0);
      json_builder_set_member_name (builder, "size");
      json_builder_add_int_value (builder, (gint64) size);
      if (in_document)
        {
          json_builder_set_member_name (builder, "offset");
          json_builder_add_int_value (builder, (gint64) (at - start));
        }
      json_builder_end_object (builder);
      json_builder_end_object (builder);
      root = json_builder_get_root (builder);
      write_message (root);
      if (!in_document)
        {
          fwrite (bytes, 1, size, stdout);
          fflush (stdout);
        }
    }
  g_list_store_remove_all (G_LIST_STORE (photos));
}

static void
write_report (TrReport *report)
{
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_OBJECT);
  g_autoptr(JsonObject) object = json_object_new ();

  json_object_set_member (object, "report", tr_report_to_json_node (report));
  json_node_set_object (root, object);
  write_message (root);
}

/* The first line of stdin, without its newline; NULL when there is none. */
static char *
read_password (void)
{
  g_autoptr(GIOChannel) channel = NULL;
  g_autofree char *line = NULL;
  gsize terminator;

  /* Run by hand from a terminal, it does not wait for a password. */
  if (isatty (STDIN_FILENO))
    return NULL;

  channel = g_io_channel_unix_new (STDIN_FILENO);
  if (g_io_channel_set_encoding (channel, NULL, NULL) != G_IO_STATUS_NORMAL ||
      g_io_channel_read_line (channel, &line, NULL, &terminator, NULL) != G_IO_STATUS_NORMAL ||
      line == NULL)
    return NULL;
  line[terminator] = '\0';
  if (line[0] == '\0')
    return NULL;
  return g_steal_pointer (&line);
}

/* The pictures of the appendix, with the caption lines under them: those
 * lines leave the appendix's text, where they would show a second time. A
 * picture that cannot be read costs the report nothing but a warning. */
static void
add_appendix_photos (TrReport           *report,
                     TrPdfPhotoPrefetch *prefetch,
                     guint               appendix_page,
                     GPtrArray          *lines,
                     GArray            **out_pages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) caption_lines = NULL;
  g_autoptr(GPtrArray) captions = NULL;
  g_autoptr(GPtrArray) warnings = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) photos = tr_pdf_photo_prefetch_finish (prefetch, appendix_page, lines, &caption_lines,
                                                              out_pages, warnings, &error);

  if (photos == NULL)
    {
      g_autofree char *warning = tr_warning_new (TR_WARNING_PHOTOS_UNREADABLE, error->message, NULL);

      tr_report_add_warning (report, warning);
      return;
    }
  g_list_store_splice (tr_report_get_photos (report), 0, 0, photos->pdata, photos->len);
  for (guint i = 0; i < warnings->len; i++)
    tr_report_add_warning (report, g_ptr_array_index (warnings, i));

  captions = g_ptr_array_sized_new (caption_lines->len + 1);
  for (guint i = 0; i < caption_lines->len; i++)
    {
      const TrLayoutLine *line = g_ptr_array_index (lines, g_array_index (caption_lines, guint, i));

      g_ptr_array_add (captions, line->text);
    }
  g_ptr_array_add (captions, NULL);
  tr_report_remove_caption_lines (report, (const char * const *) captions->pdata);
}

/* Pages that are only a picture of text (a scanned page amid typed
 * ones): their text is not in the report, which the user must know. The
 * appendix's pictures are its photos. */
static void
warn_scanned_pages (TrReport *report,
                    GArray   *scanned_pages,
                    guint     appendix_page)
{
  g_autoptr(GStrvBuilder) pages = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;
  g_autofree char *warning = NULL;

  for (guint i = 0; i < scanned_pages->len; i++)
    {
      guint page = g_array_index (scanned_pages, guint, i);
      g_autofree char *number = NULL;

      if (page >= appendix_page)
        break;
      number = g_strdup_printf ("%u", page + 1);
      g_strv_builder_add (pages, number);
    }
  list = g_strv_builder_end (pages);
  if (list[0] == NULL)
    return;
  warning = tr_warning_newv (TR_WARNING_SCANNED_PAGES, (const char * const *) list);
  tr_report_add_warning (report, warning);
}

/* What reading loads from disk at first use, loaded while it still can
 * (see tr-import-sandbox.c); a serving worker loads it once for all its
 * readers. */
static void
load_before_confinement (void)
{
  g_autoptr(GTimeZone) local = g_time_zone_new_local ();  /* kept by GLib */
  const char *catalogue_header = "";
  const char *charset;

  g_get_charset (&charset);
  tzset ();
  /* The translations of the messages the worker may write: asking for the
   * catalogue's header loads it. */
  (void) dgettext (GETTEXT_PACKAGE, catalogue_header);
  /* Poppler asks fontconfig about fonts a PDF does not embed; the font
   * files themselves are only opened to draw text, which we never do. */
  FcInit ();
  tr_pdf_photos_load_decoders ();
}

/* Poppler's data (CMaps and Unicode tables), wherever it was installed:
 * the only files the worker may still read. */
static GStrv
poppler_data_dirs (void)
{
  const char * const *data_dirs = g_get_system_data_dirs ();
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; data_dirs[i] != NULL; i++)
    {
      g_autofree char *dir = g_build_filename (data_dirs[i], "poppler", NULL);

      g_strv_builder_add (builder, dir);
    }
  return g_strv_builder_end (builder);
}

/* Reads the PDF open as @fd and writes what it found: the exit status. */
static int
read_document (int         fd,
               const char *password)
{
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) readable_dirs = NULL;
  guint n_pages = 0;
  guint appendix_page = G_MAXUINT;
  g_autoptr(GArray) scanned_pages = NULL;
  g_autoptr(GArray) photo_pages = NULL;
  g_autoptr(TrPdfPhotoPrefetch) prefetch = NULL;

  mapped = g_mapped_file_new_from_fd (fd, FALSE, &error);
  close (fd);
  if (mapped == NULL)
    {
      write_error (error);
      return EXIT_FAILURE;
    }
  data = g_mapped_file_get_bytes (mapped);

  /* The document is open: from here on, poppler reads it confined. */
  load_before_confinement ();
  /* GLib's generator seeds itself from /dev/urandom, at its first use:
   * the report's ID. Here, in each reader, never in a serving worker,
   * whose readers would all have the same. */
  (void) g_random_int ();
  readable_dirs = poppler_data_dirs ();
  if (!tr_import_sandbox_enter ((const char * const *) readable_dirs, &error))
    {
      write_error (error);
      return EXIT_FAILURE;
    }

  lines = tr_pdf_read_lines_full (data, password, &n_pages, &scanned_pages, write_progress, NULL, &error);
  if (lines == NULL)
    {
      write_error (error);
      return EXIT_FAILURE;
    }

  /* Photos are only taken from the appendix, which the parse finds; the
   * pictures of the last pages are read meanwhile. */
  prefetch = tr_pdf_photo_prefetch_start (data, password);
  report = tr_report_parse_lines_full (lines, n_pages, &appendix_page);
  if (tr_report_get_pages (report) == 0)
    tr_report_set_pages (report, n_pages);
  if (appendix_page != G_MAXUINT)
    add_appendix_photos (report, prefetch, appendix_page, lines, &photo_pages);
  g_clear_pointer (&prefetch, tr_pdf_photo_prefetch_free);
  warn_scanned_pages (report, scanned_pages, appendix_page);
  write_photos (report, photo_pages, data);
  write_report (report);
  return EXIT_SUCCESS;
}

int
tr_import_worker_main (const char *path)
{
  g_autofree char *password = read_password ();
  g_autoptr(GError) error = NULL;
  struct stat info;
  int fd;

  g_return_val_if_fail (path != NULL, EXIT_FAILURE);

  fd = tr_import_open_file (path, &info, &error);
  if (fd < 0)
    {
      write_error (error);
      return EXIT_FAILURE;
    }
  return read_document (fd, password);
}

/* Serving ------------------------------------------------------------------ */

/* One request: its JSON and the two descriptors that come with it, the
 * PDF and the write end of the pipe for the answer. 0 at the end of the
 * requests, -1 when one cannot be read. */
static gssize
receive_request (char *buffer,
                 gsize size,
                 int   fds[2])
{
  union {
    struct cmsghdr header;
    char           space[CMSG_SPACE (2 * sizeof (int))];
  } control;
  struct iovec vector = { buffer, size - 1 };
  struct msghdr message = { 0 };
  struct cmsghdr *header;
  gssize n;

  message.msg_iov = &vector;
  message.msg_iovlen = 1;
  message.msg_control = control.space;
  message.msg_controllen = sizeof control.space;
  do
    n = recvmsg (STDIN_FILENO, &message, MSG_CMSG_CLOEXEC);
  while (n < 0 && errno == EINTR);
  if (n <= 0)
    return n;
  buffer[n] = '\0';

  fds[0] = fds[1] = -1;
  for (header = CMSG_FIRSTHDR (&message); header != NULL; header = CMSG_NXTHDR (&message, header))
    if (header->cmsg_level == SOL_SOCKET && header->cmsg_type == SCM_RIGHTS)
      {
        gsize n_fds = (header->cmsg_len - CMSG_LEN (0)) / sizeof (int);
        int received[2] = { -1, -1 };

        memcpy (received, CMSG_DATA (header), MIN (n_fds, 2) * sizeof (int));
        for (gsize i = 0; i < n_fds && i < 2; i++)
          fds[i] = received[i];
      }
  if (fds[0] < 0 || fds[1] < 0 || (message.msg_flags & (MSG_TRUNC | MSG_CTRUNC)) != 0)
    {
      if (fds[0] >= 0)
        close (fds[0]);
      if (fds[1] >= 0)
        close (fds[1]);
      return -1;
    }
  return n;
}

/* Tells the importer how the reader of its last request ended. */
static void
send_exit (int status)
{
  g_autofree char *line = NULL;

  if (WIFSIGNALED (status))
    line = g_strdup_printf ("{\"signal\": %d}", WTERMSIG (status));
  else
    line = g_strdup_printf ("{\"status\": %d}", WIFEXITED (status) ? WEXITSTATUS (status) : 1);
  while (send (STDIN_FILENO, line, strlen (line), MSG_NOSIGNAL) < 0 && errno == EINTR)
    ;
}

/* In the child forked for one request: reads it as the program started
 * for one file would, confined, and ends. */
static G_GNUC_NORETURN void
serve_request (const char *request,
               int         pdf_fd,
               int         answer_fd,
               pid_t       server)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  const char *password = NULL;
  struct stat info;
  JsonNode *root;

  /* Dies with the server, as the server dies with the importer. */
  prctl (PR_SET_PDEATHSIG, SIGKILL);
  if (getppid () != server)
    _exit (127);
  close (STDIN_FILENO);
  if (dup2 (answer_fd, STDOUT_FILENO) < 0)
    _exit (127);
  close (answer_fd);

  if (json_parser_load_from_data (parser, request, -1, NULL) &&
      (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_OBJECT (root))
    password = json_object_get_string_member_with_default (json_node_get_object (root), "password", NULL);
  if (password != NULL && password[0] == '\0')
    password = NULL;

  if (!tr_import_check_fd (pdf_fd, &info, &error))
    {
      write_error (error);
      _exit (EXIT_FAILURE);
    }
  fflush (stdout);
  _exit (read_document (pdf_fd, password));
}

int
tr_import_worker_serve (void)
{
  g_autofree char *request = g_malloc (TR_IMPORT_REQUEST_MAX_BYTES);
  pid_t self = getpid ();

  /* What every reader loads, loaded once: each child starts with it. */
  load_before_confinement ();
  /* The other processors read the batch's other files. */
  tr_pdf_reader_set_max_threads (1);

  for (;;)
    {
      int fds[2];
      gssize n = receive_request (request, TR_IMPORT_REQUEST_MAX_BYTES, fds);
      pid_t child;
      int status = 0;

      if (n == 0)
        return EXIT_SUCCESS;
      if (n < 0)
        return EXIT_FAILURE;

      /* Nothing buffered may be written twice. */
      fflush (stdout);
      child = fork ();
      if (child == 0)
        serve_request (request, fds[0], fds[1], self);
      close (fds[0]);
      close (fds[1]);
      if (child < 0)
        status = W_EXITCODE (127, 0);
      else
        while (waitpid (child, &status, 0) < 0 && errno == EINTR)
          ;
      send_exit (status);
    }
}
