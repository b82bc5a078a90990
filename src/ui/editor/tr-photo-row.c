/* tr-photo-row.c
 *
 * The caption is the row's own text, bound both ways to the photo: typing
 * changes the photo, and the editor's autosave picks that up.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-photo-row.h"
#include "tr-photo-row-private.h"

/* The thumbnail's square, in logical pixels: every photo fits in it
 * whatever its shape, so the captions line up. */
#define THUMBNAIL_SIZE 96

struct _TrPhotoRow
{
  AdwEntryRow parent_instance;

  TrPhoto *photo;
  GtkImage *picture;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (TrPhotoRow, tr_photo_row, ADW_TYPE_ENTRY_ROW)

static void
tr_photo_row_dispose (GObject *object)
{
  TrPhotoRow *self = TR_PHOTO_ROW (object);

  g_clear_object (&self->photo);

  G_OBJECT_CLASS (tr_photo_row_parent_class)->dispose (object);
}

static void
tr_photo_row_class_init (TrPhotoRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = tr_photo_row_dispose;
}

static void
tr_photo_row_init (TrPhotoRow *self)
{
}

static GtkWidget *
add_button (TrPhotoRow *self,
            const char *icon_name,
            const char *tooltip,
            const char *action_name,
            guint       position)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  if (action_name != NULL)
    {
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "u", position);
    }
  adw_entry_row_add_suffix (ADW_ENTRY_ROW (self), button);
  return button;
}

GtkWidget *
tr_photo_row_new (TrPhoto *photo,
                  guint    position,
                  guint    n_photos)
{
  TrPhotoRow *self;
  GtkWidget *overlay;
  GtkWidget *button;
  g_autofree char *title = NULL;
  g_autofree char *description = NULL;

  g_return_val_if_fail (TR_IS_PHOTO (photo), NULL);

  self = g_object_new (TR_TYPE_PHOTO_ROW, NULL);
  self->photo = g_object_ref (photo);

  /* The number it will have in the report: 照片 1 (report content). */
  title = g_strdup_printf ("照片 %u", position + 1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* TRANSLATORS: the accessible description of a photo: its size in pixels */
  description = g_strdup_printf (_("Photo of %u × %u pixels; the text is its caption"),
                                 tr_photo_get_width (photo), tr_photo_get_height (photo));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description);

  self->picture = GTK_IMAGE (gtk_image_new ());
  gtk_image_set_pixel_size (self->picture, THUMBNAIL_SIZE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->picture),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  self->spinner = GTK_SPINNER (gtk_spinner_new ());
  gtk_spinner_start (self->spinner);
  gtk_widget_set_halign (GTK_WIDGET (self->spinner), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self->spinner), GTK_ALIGN_CENTER);
  overlay = gtk_overlay_new ();
  gtk_overlay_set_child (GTK_OVERLAY (overlay), GTK_WIDGET (self->picture));
  gtk_overlay_add_overlay (GTK_OVERLAY (overlay), GTK_WIDGET (self->spinner));
  gtk_widget_add_css_class (overlay, "photo-thumbnail");
  gtk_widget_set_valign (overlay, GTK_ALIGN_CENTER);
  gtk_widget_set_margin_top (overlay, 6);
  gtk_widget_set_margin_bottom (overlay, 6);
  adw_entry_row_add_prefix (ADW_ENTRY_ROW (self), overlay);

  /* An enabled action would make the button sensitive again: the first
   * photo's Move Earlier, and the last one's Move Later, have none. */
  button = add_button (self, "go-up-symbolic", _("Move Earlier"),
                       position > 0 ? "photos.move-earlier" : NULL, position);
  gtk_widget_set_sensitive (button, position > 0);
  button = add_button (self, "go-down-symbolic", _("Move Later"),
                       position + 1 < n_photos ? "photos.move-later" : NULL, position);
  gtk_widget_set_sensitive (button, position + 1 < n_photos);
  add_button (self, "user-trash-symbolic", _("Remove Photo"), "photos.remove", position);

  g_object_bind_property (photo, "caption", self, "text",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return GTK_WIDGET (self);
}

TrPhoto *
tr_photo_row_get_photo (TrPhotoRow *self)
{
  g_return_val_if_fail (TR_IS_PHOTO_ROW (self), NULL);
  return self->photo;
}

void
tr_photo_row_set_thumbnail (TrPhotoRow   *self,
                            GdkPaintable *thumbnail)
{
  g_return_if_fail (TR_IS_PHOTO_ROW (self));

  gtk_image_set_from_paintable (self->picture, thumbnail);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), thumbnail == NULL);
  gtk_spinner_set_spinning (self->spinner, thumbnail == NULL);
}

GdkPaintable *
tr_photo_row_get_thumbnail (TrPhotoRow *self)
{
  g_return_val_if_fail (TR_IS_PHOTO_ROW (self), NULL);
  return gtk_image_get_paintable (self->picture);
}
