/* tr-import-item.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-import-item.h"

struct _TrImportItem
{
  GObject parent_instance;

  GFile *file;
  TrImportState state;
  char *message;
  TrReport *report;
  char *report_id;
  char *password;
};

G_DEFINE_FINAL_TYPE (TrImportItem, tr_import_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STATE,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tr_import_item_finalize (GObject *object)
{
  TrImportItem *self = TR_IMPORT_ITEM (object);

  g_clear_object (&self->file);
  g_free (self->message);
  g_clear_object (&self->report);
  g_free (self->report_id);
  g_free (self->password);

  G_OBJECT_CLASS (tr_import_item_parent_class)->finalize (object);
}

static void
tr_import_item_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  TrImportItem *self = TR_IMPORT_ITEM (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_uint (value, self->state);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_import_item_class_init (TrImportItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_import_item_finalize;
  object_class->get_property = tr_import_item_get_property;

  properties[PROP_STATE] =
    g_param_spec_uint ("state", NULL, NULL, TR_IMPORT_WAITING, TR_IMPORT_CANCELLED, TR_IMPORT_WAITING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_MESSAGE] =
    g_param_spec_string ("message", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_import_item_init (TrImportItem *self)
{
}

TrImportItem *
tr_import_item_new (GFile *file)
{
  TrImportItem *self;

  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (TR_TYPE_IMPORT_ITEM, NULL);
  self->file = g_object_ref (file);
  return self;
}

GFile *
tr_import_item_get_file (TrImportItem *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_ITEM (self), NULL);
  return self->file;
}

char *
tr_import_item_dup_name (TrImportItem *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_ITEM (self), NULL);
  return g_file_get_basename (self->file);
}

TrImportState
tr_import_item_get_state (TrImportItem *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_ITEM (self), TR_IMPORT_WAITING);
  return self->state;
}

const char *
tr_import_item_get_message (TrImportItem *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_ITEM (self), NULL);
  return self->message;
}

void
tr_import_item_set_state (TrImportItem  *self,
                          TrImportState  state,
                          const char    *message)
{
  g_return_if_fail (TR_IS_IMPORT_ITEM (self));

  if (g_strcmp0 (self->message, message) != 0)
    {
      g_free (self->message);
      self->message = g_strdup (message);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MESSAGE]);
    }
  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }
}

gboolean
tr_import_item_is_finished (TrImportItem *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_ITEM (self), TRUE);
  return self->state != TR_IMPORT_WAITING && self->state != TR_IMPORT_READING;
}

TrReport *
tr_import_item_get_report (TrImportItem *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_ITEM (self), NULL);
  return self->report;
}

void
tr_import_item_set_report (TrImportItem *self,
                           TrReport     *report)
{
  g_return_if_fail (TR_IS_IMPORT_ITEM (self));
  g_set_object (&self->report, report);
}

const char *
tr_import_item_get_report_id (TrImportItem *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_ITEM (self), NULL);
  return self->report_id;
}

void
tr_import_item_set_report_id (TrImportItem *self,
                              const char   *id)
{
  g_return_if_fail (TR_IS_IMPORT_ITEM (self));
  g_free (self->report_id);
  self->report_id = g_strdup (id);
}

const char *
tr_import_item_get_password (TrImportItem *self)
{
  g_return_val_if_fail (TR_IS_IMPORT_ITEM (self), NULL);
  return self->password;
}

void
tr_import_item_set_password (TrImportItem *self,
                             const char   *password)
{
  g_return_if_fail (TR_IS_IMPORT_ITEM (self));
  g_free (self->password);
  self->password = g_strdup (password);
}
