/* tr-identity-page.c
 *
 * One-way bindings, row to identity: the identity trims what it is given,
 * and writing that back into the row while it is typed in would eat the
 * space between two words.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-identity-page.h"

struct _TrIdentityPage
{
  AdwPreferencesPage parent_instance;

  TrIdentity *identity;
};

G_DEFINE_FINAL_TYPE (TrIdentityPage, tr_identity_page, ADW_TYPE_PREFERENCES_PAGE)

static void
add_row (TrIdentityPage *self,
         GtkWidget      *group,
         const char     *title,
         const char     *property,
         GtkInputPurpose purpose)
{
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *value = NULL;

  g_object_get (self->identity, property, &value, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, property);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  adw_entry_row_set_input_purpose (ADW_ENTRY_ROW (row), purpose);
  g_object_bind_property (row, "text", self->identity, property, G_BINDING_DEFAULT);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
}

static void
tr_identity_page_dispose (GObject *object)
{
  TrIdentityPage *self = TR_IDENTITY_PAGE (object);

  g_clear_object (&self->identity);

  G_OBJECT_CLASS (tr_identity_page_parent_class)->dispose (object);
}

static void
tr_identity_page_class_init (TrIdentityPageClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = tr_identity_page_dispose;
}

static void
tr_identity_page_init (TrIdentityPage *self)
{
}

GtkWidget *
tr_identity_page_new (TrIdentity *identity)
{
  TrIdentityPage *self;
  GtkWidget *group;

  g_return_val_if_fail (TR_IS_IDENTITY (identity), NULL);

  self = g_object_new (TR_TYPE_IDENTITY_PAGE,
                       "title", _("You"),
                       "icon-name", "avatar-default-symbolic",
                       NULL);
  self->identity = g_object_ref (identity);

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("About You"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Filled into the contact and the first traveller of new reports, "
                                           "signs your comments and your review forms"));
  add_row (self, group, _("Name"), "name", GTK_INPUT_PURPOSE_NAME);
  add_row (self, group, _("Job Title"), "title", GTK_INPUT_PURPOSE_FREE_FORM);
  add_row (self, group, _("Unit"), "unit", GTK_INPUT_PURPOSE_FREE_FORM);
  add_row (self, group, _("Phone"), "phone", GTK_INPUT_PURPOSE_PHONE);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (self), ADW_PREFERENCES_GROUP (group));
  return GTK_WIDGET (self);
}
