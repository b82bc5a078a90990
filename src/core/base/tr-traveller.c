/* tr-traveller.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-traveller.h"
#include "tr-core-private.h"

struct _TrTraveller
{
  GObject parent_instance;
  char *values[TR_TRAVELLER_N_FIELDS];
};

G_DEFINE_FINAL_TYPE (TrTraveller, tr_traveller, G_TYPE_OBJECT)

/* Property IDs are the field enum shifted by one: 0 is reserved by GObject. */
#define PROP_FROM_FIELD(f) ((f) + 1)
#define FIELD_FROM_PROP(p) ((TrTravellerField) ((p) - 1))
#define N_PROPS            (TR_TRAVELLER_N_FIELDS + 1)

static GParamSpec *properties[N_PROPS];

static const struct {
  const char *key;
  const char *nick;
} field_info[TR_TRAVELLER_N_FIELDS] = {
  [TR_TRAVELLER_NAME]   = { "name",   "Name" },
  [TR_TRAVELLER_AGENCY] = { "agency", "Agency" },
  [TR_TRAVELLER_UNIT]   = { "unit",   "Unit" },
  [TR_TRAVELLER_TITLE]  = { "title",  "Job title" },
  [TR_TRAVELLER_PHONE]  = { "phone",  "Phone" },
};

const char *
tr_traveller_field_get_key (TrTravellerField field)
{
  g_return_val_if_fail (field < TR_TRAVELLER_N_FIELDS, NULL);
  return field_info[field].key;
}

static void
tr_traveller_finalize (GObject *object)
{
  TrTraveller *self = TR_TRAVELLER (object);

  for (guint i = 0; i < TR_TRAVELLER_N_FIELDS; i++)
    g_free (self->values[i]);

  G_OBJECT_CLASS (tr_traveller_parent_class)->finalize (object);
}

static void
tr_traveller_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  TrTraveller *self = TR_TRAVELLER (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  g_value_set_string (value, tr_traveller_get (self, FIELD_FROM_PROP (prop_id)));
}

static void
tr_traveller_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  TrTraveller *self = TR_TRAVELLER (object);

  if (prop_id == 0 || prop_id >= N_PROPS)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }
  tr_traveller_set (self, FIELD_FROM_PROP (prop_id), g_value_get_string (value));
}

static void
tr_traveller_class_init (TrTravellerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_traveller_finalize;
  object_class->get_property = tr_traveller_get_property;
  object_class->set_property = tr_traveller_set_property;

  for (guint i = 0; i < TR_TRAVELLER_N_FIELDS; i++)
    properties[PROP_FROM_FIELD (i)] =
      g_param_spec_string (field_info[i].key, field_info[i].nick, NULL, "",
                           G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_traveller_init (TrTraveller *self)
{
}

TrTraveller *
tr_traveller_new (void)
{
  return g_object_new (TR_TYPE_TRAVELLER, NULL);
}

TrTraveller *
tr_traveller_copy (TrTraveller *self)
{
  TrTraveller *copy;

  g_return_val_if_fail (TR_IS_TRAVELLER (self), NULL);

  copy = tr_traveller_new ();
  for (guint i = 0; i < TR_TRAVELLER_N_FIELDS; i++)
    copy->values[i] = g_strdup (self->values[i]);
  return copy;
}

gboolean
tr_traveller_equal (TrTraveller *a,
                    TrTraveller *b)
{
  g_return_val_if_fail (TR_IS_TRAVELLER (a), FALSE);
  g_return_val_if_fail (TR_IS_TRAVELLER (b), FALSE);

  for (guint i = 0; i < TR_TRAVELLER_N_FIELDS; i++)
    if (g_strcmp0 (tr_traveller_get (a, i), tr_traveller_get (b, i)) != 0)
      return FALSE;
  return TRUE;
}

gboolean
tr_traveller_is_empty (TrTraveller *self)
{
  g_return_val_if_fail (TR_IS_TRAVELLER (self), TRUE);

  for (guint i = 0; i < TR_TRAVELLER_N_FIELDS; i++)
    if (self->values[i] != NULL && self->values[i][0] != '\0')
      return FALSE;
  return TRUE;
}

const char *
tr_traveller_get (TrTraveller      *self,
                  TrTravellerField  field)
{
  g_return_val_if_fail (TR_IS_TRAVELLER (self), "");
  g_return_val_if_fail (field < TR_TRAVELLER_N_FIELDS, "");

  return self->values[field] != NULL ? self->values[field] : "";
}

void
tr_traveller_set (TrTraveller      *self,
                  TrTravellerField  field,
                  const char       *value)
{
  g_return_if_fail (TR_IS_TRAVELLER (self));
  g_return_if_fail (field < TR_TRAVELLER_N_FIELDS);

  if (value != NULL && value[0] == '\0')
    value = NULL;
  if (tr_set_str (&self->values[field], value))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FROM_FIELD (field)]);
}
