/* tr-photo-grid.c
 *
 * Reading a file, checking it and decoding its thumbnail all happen in a
 * worker thread; the main thread only appends finished photos. Thumbnails
 * are kept by photo ID, so the rows that are rebuilt when photos move or
 * go away never decode anything again, and typing a caption touches no
 * image at all.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-file-chooser.h"
#include "tr-photo-grid.h"
#include "tr-photo-grid-private.h"
#include "tr-photo-row.h"
#include "tr-widget-util.h"

/* Twice the row's 96-pixel square: sharp on high-density screens. */
#define THUMBNAIL_WIDTH  192
#define THUMBNAIL_HEIGHT 192

struct _TrPhotoGrid
{
  GtkWidget parent_instance;

  TrReport *report;
  GListStore *photos;
  /* Photo ID → GdkTexture. */
  GHashTable *thumbnails;
  /* Photo IDs whose thumbnail is being made. */
  GHashTable *pending;
  GCancellable *cancellable;
  guint adds_in_flight;
  char *error;
  /* FALSE while the report is in review or approved. */
  gboolean editable;

  GtkSpinner *spinner;
  GtkLabel *error_label;
  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (TrPhotoGrid, tr_photo_grid, GTK_TYPE_WIDGET)

static void rebuild_rows (TrPhotoGrid *self);

/* Locking ---------------------------------------------------------------- */

static void
update_actions (TrPhotoGrid *self)
{
  gboolean can_edit = self->editable && self->report != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photos.add", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photos.move-earlier", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photos.move-later", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "photos.remove", can_edit);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (TR_IS_PHOTO_ROW (child))
      gtk_editable_set_editable (GTK_EDITABLE (child), self->editable);
}

void
tr_photo_grid_set_editable (TrPhotoGrid *self,
                            gboolean     editable)
{
  g_return_if_fail (TR_IS_PHOTO_GRID (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  update_actions (self);
}

gboolean
tr_photo_grid_get_editable (TrPhotoGrid *self)
{
  g_return_val_if_fail (TR_IS_PHOTO_GRID (self), FALSE);
  return self->editable;
}

/* Thumbnails ------------------------------------------------------------ */

static void
set_row_thumbnails (TrPhotoGrid *self)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      TrPhoto *photo;

      if (!TR_IS_PHOTO_ROW (child))
        continue;
      photo = tr_photo_row_get_photo (TR_PHOTO_ROW (child));
      tr_photo_row_set_thumbnail (TR_PHOTO_ROW (child),
                                  g_hash_table_lookup (self->thumbnails, tr_photo_get_id (photo)));
    }
}

static void
thumbnail_ready (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  TrPhoto *photo = TR_PHOTO (source);
  g_autoptr(TrPhotoGrid) self = user_data;
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autoptr(GError) error = NULL;

  pixbuf = tr_photo_make_thumbnail_finish (photo, result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_hash_table_remove (self->pending, tr_photo_get_id (photo));
  if (pixbuf == NULL)
    {
      /* The photo was checked when added; a stored one that no longer
       * decodes keeps its row, without a picture. */
      g_warning ("No thumbnail for photo %s: %s", tr_photo_get_id (photo), error->message);
      return;
    }
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  g_hash_table_insert (self->thumbnails, g_strdup (tr_photo_get_id (photo)),
                       gdk_texture_new_for_pixbuf (pixbuf));
  G_GNUC_END_IGNORE_DEPRECATIONS
  set_row_thumbnails (self);
}

static void
request_thumbnail (TrPhotoGrid *self,
                   TrPhoto     *photo)
{
  const char *id = tr_photo_get_id (photo);

  if (g_hash_table_contains (self->thumbnails, id) || g_hash_table_contains (self->pending, id))
    return;
  g_hash_table_add (self->pending, g_strdup (id));
  tr_photo_make_thumbnail_async (photo, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, self->cancellable,
                                 thumbnail_ready, g_object_ref (self));
}

/* Rows ------------------------------------------------------------------ */

static void
rebuild_rows (TrPhotoGrid *self)
{
  guint n_photos = self->photos != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->photos)) : 0;
  GtkWidget *child;

  /* The placeholder is a child too, but not a row of ours. */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (self->list)); child != NULL;)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (TR_IS_PHOTO_ROW (child))
        gtk_list_box_remove (self->list, child);
      child = next;
    }

  for (guint i = 0; i < n_photos; i++)
    {
      g_autoptr(TrPhoto) photo = g_list_model_get_item (G_LIST_MODEL (self->photos), i);
      GtkWidget *row = tr_photo_row_new (photo, i, n_photos);

      tr_photo_row_set_thumbnail (TR_PHOTO_ROW (row),
                                  g_hash_table_lookup (self->thumbnails, tr_photo_get_id (photo)));
      gtk_editable_set_editable (GTK_EDITABLE (row), self->editable);
      gtk_list_box_append (self->list, row);
      request_thumbnail (self, photo);
    }
}

static void
photos_changed (GListModel  *photos,
                guint        position,
                guint        removed,
                guint        added,
                TrPhotoGrid *self)
{
  rebuild_rows (self);
}

void
tr_photo_grid_set_report (TrPhotoGrid *self,
                          TrReport    *report)
{
  g_return_if_fail (TR_IS_PHOTO_GRID (self));
  g_return_if_fail (report == NULL || TR_IS_REPORT (report));

  if (self->report == report)
    return;

  if (self->photos != NULL)
    g_signal_handlers_disconnect_by_data (self->photos, self);
  /* Files still being read belong to the previous report. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_hash_table_remove_all (self->pending);
  g_hash_table_remove_all (self->thumbnails);
  g_clear_pointer (&self->error, g_free);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  g_set_object (&self->report, report);
  self->photos = report != NULL ? tr_report_get_photos (report) : NULL;
  if (self->photos != NULL)
    g_signal_connect_object (self->photos, "items-changed", G_CALLBACK (photos_changed), self, 0);
  rebuild_rows (self);
  update_actions (self);
}

/* Adding files ---------------------------------------------------------- */

typedef struct {
  TrReport *report;     /* the one the files were added to */
  GPtrArray *files;     /* GFile */
  GPtrArray *photos;    /* TrPhoto, read in the worker */
  GPtrArray *pixbufs;   /* GdkPixbuf or NULL, beside each photo */
  GString *errors;
} AddData;

static void
add_data_free (AddData *data)
{
  g_clear_object (&data->report);
  g_ptr_array_unref (data->files);
  g_ptr_array_unref (data->photos);
  g_ptr_array_unref (data->pixbufs);
  g_string_free (data->errors, TRUE);
  g_free (data);
}

static void
unref_pixbuf (gpointer pixbuf)
{
  if (pixbuf != NULL)
    g_object_unref (pixbuf);
}

static TrPhoto *
read_photo (GFile         *file,
            GCancellable  *cancellable,
            GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autofree char *name = NULL;

  info = g_file_query_info (file,
                            G_FILE_ATTRIBUTE_STANDARD_DISPLAY_NAME "," G_FILE_ATTRIBUTE_STANDARD_SIZE,
                            G_FILE_QUERY_INFO_NONE, cancellable, error);
  if (info == NULL)
    return NULL;
  name = g_strdup (g_file_info_get_display_name (info));
  /* Refused before reading: a 2 GB file is never loaded. */
  if (!tr_photo_check_size (g_file_info_get_size (info), name, error))
    return NULL;
  data = g_file_load_bytes (file, cancellable, NULL, error);
  if (data == NULL)
    return NULL;
  return tr_photo_new_from_bytes (data, name, error);
}

static void
add_in_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  AddData *data = task_data;

  for (guint i = 0; i < data->files->len; i++)
    {
      GFile *file = g_ptr_array_index (data->files, i);
      g_autoptr(GError) error = NULL;
      g_autoptr(TrPhoto) photo = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;
      photo = read_photo (file, cancellable, &error);
      if (photo == NULL)
        {
          if (data->errors->len > 0)
            g_string_append_c (data->errors, '\n');
          g_string_append (data->errors, error->message);
          continue;
        }
      g_ptr_array_add (data->pixbufs, tr_photo_make_thumbnail (photo, THUMBNAIL_WIDTH, THUMBNAIL_HEIGHT, NULL));
      g_ptr_array_add (data->photos, g_steal_pointer (&photo));
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_busy (TrPhotoGrid *self,
          gboolean     busy)
{
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
}

static void
files_added (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  TrPhotoGrid *self = TR_PHOTO_GRID (source);
  AddData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_warning ("%s", error->message);
      if (--self->adds_in_flight == 0)
        set_busy (self, FALSE);
      return;
    }

  if (--self->adds_in_flight == 0)
    set_busy (self, FALSE);
  /* Read for another report, or this one was submitted meanwhile. */
  if (data->report != self->report || !self->editable)
    return;

  for (guint i = 0; i < data->photos->len; i++)
    {
      TrPhoto *photo = g_ptr_array_index (data->photos, i);
      GdkPixbuf *pixbuf = g_ptr_array_index (data->pixbufs, i);

      if (pixbuf != NULL)
        {
          G_GNUC_BEGIN_IGNORE_DEPRECATIONS
          g_hash_table_insert (self->thumbnails, g_strdup (tr_photo_get_id (photo)),
                               gdk_texture_new_for_pixbuf (pixbuf));
          G_GNUC_END_IGNORE_DEPRECATIONS
        }
    }
  /* One change for the whole batch: one rebuild, one autosave. */
  g_list_store_splice (self->photos, g_list_model_get_n_items (G_LIST_MODEL (self->photos)), 0,
                       data->photos->pdata, data->photos->len);

  g_free (self->error);
  self->error = data->errors->len > 0 ? g_strdup (data->errors->str) : NULL;
  gtk_label_set_text (self->error_label, self->error != NULL ? self->error : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), self->error != NULL);
}

void
tr_photo_grid_add_files (TrPhotoGrid *self,
                         GListModel  *files)
{
  g_autoptr(GTask) task = NULL;
  AddData *data;

  g_return_if_fail (TR_IS_PHOTO_GRID (self));
  g_return_if_fail (G_IS_LIST_MODEL (files));

  if (self->report == NULL || !self->editable || g_list_model_get_n_items (files) == 0)
    return;

  data = g_new0 (AddData, 1);
  data->report = g_object_ref (self->report);
  data->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (files); i++)
    g_ptr_array_add (data->files, g_list_model_get_item (files, i));
  data->photos = g_ptr_array_new_with_free_func (g_object_unref);
  data->pixbufs = g_ptr_array_new_with_free_func (unref_pixbuf);
  data->errors = g_string_new (NULL);

  task = g_task_new (self, self->cancellable, files_added, NULL);
  g_task_set_source_tag (task, tr_photo_grid_add_files);
  g_task_set_task_data (task, data, (GDestroyNotify) add_data_free);
  self->adds_in_flight++;
  set_busy (self, TRUE);
  g_task_run_in_thread (task, add_in_thread);
}

static void
files_chosen (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(TrPhotoGrid) self = user_data;
  g_autoptr(GListModel) files = tr_file_chooser_choose_finish (result, NULL);

  if (files != NULL)
    tr_photo_grid_add_files (self, files);
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  TrPhotoGrid *self = TR_PHOTO_GRID (widget);
  GtkWindow *window = GTK_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_WINDOW));
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Photos (JPEG, PNG, WebP)"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_mime_type (filter, "image/webp");
  tr_file_chooser_choose (window, TR_FILE_CHOOSER_OPEN_FILES, _("Add Photos"), _("_Add"), filter, NULL,
                          NULL, files_chosen, g_object_ref (self));
}

static gboolean
files_dropped (GtkDropTarget *target,
               const GValue  *value,
               double         x,
               double         y,
               TrPhotoGrid   *self)
{
  GSList *list = g_value_get_boxed (value);
  g_autoptr(GListStore) files = g_list_store_new (G_TYPE_FILE);

  if (self->report == NULL || !self->editable)
    return FALSE;
  for (GSList *l = list; l != NULL; l = l->next)
    g_list_store_append (files, l->data);
  tr_photo_grid_add_files (self, G_LIST_MODEL (files));
  return TRUE;
}

/* Moving and removing --------------------------------------------------- */

static void
move_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  TrPhotoGrid *self = TR_PHOTO_GRID (widget);
  guint position = g_variant_get_uint32 (parameter);
  guint n_photos = self->photos != NULL ? g_list_model_get_n_items (G_LIST_MODEL (self->photos)) : 0;
  gboolean earlier = g_str_equal (action_name, "photos.move-earlier");
  guint to;
  GtkWidget *row;

  if (!self->editable || position >= n_photos || (earlier && position == 0) ||
      (!earlier && position + 1 >= n_photos))
    return;
  to = earlier ? position - 1 : position + 1;
  tr_report_move_photo (self->report, position, to);
  /* Keep the keyboard on the photo that moved. */
  row = tr_photo_grid_get_row (self, to);
  if (row != NULL)
    gtk_widget_grab_focus (row);
}

typedef struct {
  TrPhotoGrid *grid;
  TrReport *report;
  TrPhoto *photo;
  guint position;
} Removal;

static void
removal_free (Removal *removal)
{
  g_object_unref (removal->grid);
  g_object_unref (removal->report);
  g_object_unref (removal->photo);
  g_free (removal);
}

static void
removal_closure_free (gpointer  data,
                      GClosure *closure)
{
  removal_free (data);
}

static void
undo_remove (AdwToast *toast,
             Removal  *removal)
{
  GListStore *photos = tr_report_get_photos (removal->report);
  guint n_photos = g_list_model_get_n_items (G_LIST_MODEL (photos));

  /* Submitted since: the photo stays out, as the report was handed in. */
  if (removal->grid->report == removal->report && !removal->grid->editable)
    return;
  if (g_list_store_find (photos, removal->photo, NULL))
    return;
  g_list_store_insert (photos, MIN (removal->position, n_photos), removal->photo);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  TrPhotoGrid *self = TR_PHOTO_GRID (widget);
  guint position = g_variant_get_uint32 (parameter);
  GtkWidget *overlay;
  Removal *removal;
  AdwToast *toast;

  if (!self->editable || self->photos == NULL ||
      position >= g_list_model_get_n_items (G_LIST_MODEL (self->photos)))
    return;

  removal = g_new0 (Removal, 1);
  removal->grid = g_object_ref (self);
  removal->report = g_object_ref (self->report);
  removal->photo = g_list_model_get_item (G_LIST_MODEL (self->photos), position);
  removal->position = position;
  g_list_store_remove (self->photos, position);

  overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    {
      removal_free (removal);
      return;
    }
  toast = adw_toast_new (_("Photo removed"));
  adw_toast_set_button_label (toast, _("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove), removal,
                         removal_closure_free, 0);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
}

/* The widget ------------------------------------------------------------ */

static void
tr_photo_grid_dispose (GObject *object)
{
  TrPhotoGrid *self = TR_PHOTO_GRID (object);

  g_cancellable_cancel (self->cancellable);
  if (self->photos != NULL)
    g_signal_handlers_disconnect_by_data (self->photos, self);
  self->photos = NULL;
  g_clear_object (&self->report);
  tr_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (tr_photo_grid_parent_class)->dispose (object);
}

static void
tr_photo_grid_finalize (GObject *object)
{
  TrPhotoGrid *self = TR_PHOTO_GRID (object);

  g_clear_object (&self->cancellable);
  g_hash_table_unref (self->thumbnails);
  g_hash_table_unref (self->pending);
  g_free (self->error);

  G_OBJECT_CLASS (tr_photo_grid_parent_class)->finalize (object);
}

static void
tr_photo_grid_class_init (TrPhotoGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_photo_grid_dispose;
  object_class->finalize = tr_photo_grid_finalize;

  gtk_widget_class_install_action (widget_class, "photos.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "photos.move-earlier", "u", move_action);
  gtk_widget_class_install_action (widget_class, "photos.move-later", "u", move_action);
  gtk_widget_class_install_action (widget_class, "photos.remove", "u", remove_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "photogrid");
}

static void
tr_photo_grid_init (TrPhotoGrid *self)
{
  GtkWidget *box, *header, *heading, *button, *placeholder;
  GtkDropTarget *drop_target;

  self->thumbnails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->pending = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();
  self->editable = TRUE;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_parent (box, GTK_WIDGET (self));

  header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  /* Report content, as the 附錄 heading above it and the outline's 照片
   * are (照片 1：… in the export): not UI text. */
  heading = gtk_label_new ("照片");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_set_hexpand (heading, TRUE);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (header), heading);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), FALSE);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->spinner));
  button = gtk_button_new_with_mnemonic (_("_Add Photos…"));
  gtk_widget_set_name (button, "add-photos");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "photos.add");
  gtk_box_append (GTK_BOX (header), button);
  gtk_box_append (GTK_BOX (box), header);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  placeholder = gtk_label_new (_("No photos yet. Add JPEG, PNG or WebP photos, or drop them here; each gets a numbered caption in the appendix."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->list));

  drop_target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect_object (drop_target, "drop", G_CALLBACK (files_dropped), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop_target));
  update_actions (self);
}

GtkWidget *
tr_photo_grid_new (void)
{
  return g_object_new (TR_TYPE_PHOTO_GRID, NULL);
}

gboolean
tr_photo_grid_is_busy (TrPhotoGrid *self)
{
  g_return_val_if_fail (TR_IS_PHOTO_GRID (self), FALSE);
  return self->adds_in_flight > 0;
}

const char *
tr_photo_grid_get_error (TrPhotoGrid *self)
{
  g_return_val_if_fail (TR_IS_PHOTO_GRID (self), NULL);
  return self->error;
}

GtkWidget *
tr_photo_grid_get_row (TrPhotoGrid *self,
                       guint        position)
{
  g_return_val_if_fail (TR_IS_PHOTO_GRID (self), NULL);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (!TR_IS_PHOTO_ROW (child))
        continue;
      if (position == 0)
        return child;
      position--;
    }
  return NULL;
}
