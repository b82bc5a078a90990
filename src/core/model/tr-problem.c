/* tr-problem.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-problem.h"
#include "tr-model-enums.h"

struct _TrProblem
{
  GObject parent_instance;

  TrProblemKind kind;
  char *target;
  gssize offset;
  char *message;
};

G_DEFINE_FINAL_TYPE (TrProblem, tr_problem, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KIND,
  PROP_TARGET,
  PROP_OFFSET,
  PROP_MESSAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tr_problem_finalize (GObject *object)
{
  TrProblem *self = TR_PROBLEM (object);

  g_free (self->target);
  g_free (self->message);

  G_OBJECT_CLASS (tr_problem_parent_class)->finalize (object);
}

static void
tr_problem_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TrProblem *self = TR_PROBLEM (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_TARGET:
      g_value_set_string (value, self->target);
      break;
    case PROP_OFFSET:
      g_value_set_int64 (value, self->offset);
      break;
    case PROP_MESSAGE:
      g_value_set_string (value, self->message);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_problem_class_init (TrProblemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->finalize = tr_problem_finalize;
  object_class->get_property = tr_problem_get_property;

  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, TR_TYPE_PROBLEM_KIND,
                                             TR_PROBLEM_EMPTY_SECTION, ro);
  properties[PROP_TARGET] = g_param_spec_string ("target", NULL, NULL, NULL, ro);
  properties[PROP_OFFSET] = g_param_spec_int64 ("offset", NULL, NULL, -1, G_MAXINT64, -1, ro);
  properties[PROP_MESSAGE] = g_param_spec_string ("message", NULL, NULL, NULL, ro);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_problem_init (TrProblem *self)
{
  self->offset = -1;
}

TrProblem *
tr_problem_new (TrProblemKind  kind,
                const char    *target,
                gssize         offset,
                const char    *message)
{
  TrProblem *self;

  g_return_val_if_fail (target != NULL, NULL);
  g_return_val_if_fail (message != NULL, NULL);

  self = g_object_new (TR_TYPE_PROBLEM, NULL);
  self->kind = kind;
  self->target = g_strdup (target);
  self->offset = offset;
  self->message = g_strdup (message);
  return self;
}

TrProblemKind
tr_problem_get_kind (TrProblem *self)
{
  g_return_val_if_fail (TR_IS_PROBLEM (self), TR_PROBLEM_EMPTY_SECTION);
  return self->kind;
}

const char *
tr_problem_get_target (TrProblem *self)
{
  g_return_val_if_fail (TR_IS_PROBLEM (self), NULL);
  return self->target;
}

gssize
tr_problem_get_offset (TrProblem *self)
{
  g_return_val_if_fail (TR_IS_PROBLEM (self), -1);
  return self->offset;
}

const char *
tr_problem_get_message (TrProblem *self)
{
  g_return_val_if_fail (TR_IS_PROBLEM (self), NULL);
  return self->message;
}
