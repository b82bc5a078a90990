/* tr-identity.c
 *
 * The model only holds the four values: the window keeps them in its
 * settings and hands the identity in, so that nothing below the UI reads
 * GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-identity.h"

struct _TrIdentity
{
  GObject parent_instance;

  char *name;
  char *title;
  char *unit;
  char *phone;
};

G_DEFINE_FINAL_TYPE (TrIdentity, tr_identity, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_UNIT,
  PROP_PHONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char **
field (TrIdentity *self,
       guint       prop_id)
{
  switch (prop_id)
    {
    case PROP_NAME:
      return &self->name;
    case PROP_TITLE:
      return &self->title;
    case PROP_UNIT:
      return &self->unit;
    case PROP_PHONE:
      return &self->phone;
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
set_field (TrIdentity *self,
           guint       prop_id,
           const char *value)
{
  char **slot = field (self, prop_id);
  g_autofree char *stripped = g_strstrip (g_strdup (value != NULL ? value : ""));

  if (g_strcmp0 (*slot, stripped) == 0)
    return;
  g_free (*slot);
  *slot = g_steal_pointer (&stripped);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

static void
tr_identity_finalize (GObject *object)
{
  TrIdentity *self = TR_IDENTITY (object);

  g_free (self->name);
  g_free (self->title);
  g_free (self->unit);
  g_free (self->phone);

  G_OBJECT_CLASS (tr_identity_parent_class)->finalize (object);
}

static void
tr_identity_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  TrIdentity *self = TR_IDENTITY (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    g_value_set_string (value, *field (self, prop_id));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tr_identity_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  TrIdentity *self = TR_IDENTITY (object);

  if (prop_id > PROP_0 && prop_id < N_PROPS)
    set_field (self, prop_id, g_value_get_string (value));
  else
    G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
}

static void
tr_identity_class_init (TrIdentityClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tr_identity_finalize;
  object_class->get_property = tr_identity_get_property;
  object_class->set_property = tr_identity_set_property;

  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, "", flags);
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, "", flags);
  properties[PROP_UNIT] = g_param_spec_string ("unit", NULL, NULL, "", flags);
  properties[PROP_PHONE] = g_param_spec_string ("phone", NULL, NULL, "", flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_identity_init (TrIdentity *self)
{
  self->name = g_strdup ("");
  self->title = g_strdup ("");
  self->unit = g_strdup ("");
  self->phone = g_strdup ("");
}

TrIdentity *
tr_identity_new (void)
{
  return g_object_new (TR_TYPE_IDENTITY, NULL);
}

#define ACCESSORS(prop, PROP)                                           \
  const char *                                                          \
  tr_identity_get_##prop (TrIdentity *self)                             \
  {                                                                     \
    g_return_val_if_fail (TR_IS_IDENTITY (self), "");                   \
    return self->prop;                                                  \
  }                                                                     \
  void                                                                  \
  tr_identity_set_##prop (TrIdentity *self,                             \
                          const char *prop)                             \
  {                                                                     \
    g_return_if_fail (TR_IS_IDENTITY (self));                           \
    set_field (self, PROP_##PROP, prop);                                \
  }

ACCESSORS (name, NAME)
ACCESSORS (title, TITLE)
ACCESSORS (unit, UNIT)
ACCESSORS (phone, PHONE)

gboolean
tr_identity_is_empty (TrIdentity *self)
{
  g_return_val_if_fail (TR_IS_IDENTITY (self), TRUE);
  return self->name[0] == '\0' && self->title[0] == '\0' && self->unit[0] == '\0' && self->phone[0] == '\0';
}

const char *
tr_identity_get_author (TrIdentity *self,
                        const char *fallback)
{
  g_return_val_if_fail (self == NULL || TR_IS_IDENTITY (self), fallback);
  return self != NULL && self->name[0] != '\0' ? self->name : fallback;
}

static void
fill_text (TrReport   *report,
           TrField     field,
           const char *value)
{
  if (value[0] != '\0' && tr_report_get_text (report, field)[0] == '\0')
    tr_report_set_text (report, field, value);
}

static void
fill_traveller (TrTraveller      *traveller,
                TrTravellerField  field,
                const char       *value)
{
  if (value[0] != '\0' && tr_traveller_get (traveller, field)[0] == '\0')
    tr_traveller_set (traveller, field, value);
}

void
tr_identity_fill_report (TrIdentity *self,
                         TrReport   *report)
{
  GListStore *travellers;
  g_autoptr(TrTraveller) first = NULL;

  g_return_if_fail (TR_IS_IDENTITY (self));
  g_return_if_fail (TR_IS_REPORT (report));

  if (tr_identity_is_empty (self))
    return;
  fill_text (report, TR_FIELD_CONTACT, self->name);
  fill_text (report, TR_FIELD_PHONE, self->phone);

  travellers = tr_report_get_travellers (report);
  first = g_list_model_get_item (G_LIST_MODEL (travellers), 0);
  if (first == NULL)
    {
      first = tr_traveller_new ();
      g_list_store_append (travellers, first);
    }
  fill_traveller (first, TR_TRAVELLER_NAME, self->name);
  fill_traveller (first, TR_TRAVELLER_UNIT, self->unit);
  fill_traveller (first, TR_TRAVELLER_TITLE, self->title);
  fill_traveller (first, TR_TRAVELLER_PHONE, self->phone);
}

void
tr_identity_fill_review (TrIdentity *self,
                         TrReview   *review)
{
  g_return_if_fail (TR_IS_IDENTITY (self));
  g_return_if_fail (TR_IS_REVIEW (review));

  if (self->name[0] != '\0' && tr_review_get_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER)[0] == '\0')
    tr_review_set_signature (review, TR_REVIEW_SIGNATURE_TRAVELLER, self->name);
}
