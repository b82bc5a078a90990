/* tr-comment.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <string.h>

#include "tr-comment.h"
#include "tr-model-enums.h"
#include "tr-core-private.h"

struct _TrComment
{
  GObject parent_instance;

  gint64 id;
  TrSection section;
  guint start;
  guint end;
  char *quote;
  char *body;
  char *author;
  GDateTime *created;
  gboolean resolved;
};

G_DEFINE_FINAL_TYPE (TrComment, tr_comment, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RESOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
tr_comment_finalize (GObject *object)
{
  TrComment *self = TR_COMMENT (object);

  g_free (self->quote);
  g_free (self->body);
  g_free (self->author);
  g_clear_pointer (&self->created, g_date_time_unref);

  G_OBJECT_CLASS (tr_comment_parent_class)->finalize (object);
}

static void
tr_comment_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  TrComment *self = TR_COMMENT (object);

  switch (prop_id)
    {
    case PROP_RESOLVED:
      g_value_set_boolean (value, self->resolved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_comment_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  TrComment *self = TR_COMMENT (object);

  switch (prop_id)
    {
    case PROP_RESOLVED:
      tr_comment_set_resolved (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_comment_class_init (TrCommentClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_comment_finalize;
  object_class->get_property = tr_comment_get_property;
  object_class->set_property = tr_comment_set_property;

  properties[PROP_RESOLVED] =
    g_param_spec_boolean ("resolved", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_comment_init (TrComment *self)
{
}

TrComment *
tr_comment_new (TrSection   section,
                guint       start,
                guint       end,
                const char *quote,
                const char *body,
                const char *author)
{
  TrComment *self;

  g_return_val_if_fail ((guint) section < TR_N_SECTIONS, NULL);

  self = g_object_new (TR_TYPE_COMMENT, NULL);
  self->section = section;
  self->start = MIN (start, end);
  self->end = MAX (start, end);
  self->quote = g_strdup (quote != NULL ? quote : "");
  self->body = g_strdup (body != NULL ? body : "");
  self->author = g_strdup (author != NULL ? author : "");
  self->created = g_date_time_new_now_utc ();
  return self;
}

TrComment *
tr_comment_copy (TrComment *self)
{
  TrComment *copy;

  g_return_val_if_fail (TR_IS_COMMENT (self), NULL);

  copy = tr_comment_new (self->section, self->start, self->end, self->quote, self->body,
                         self->author);
  copy->id = self->id;
  tr_comment_set_created (copy, self->created);
  copy->resolved = self->resolved;
  return copy;
}

gint64
tr_comment_get_id (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), 0);
  return self->id;
}

void
tr_comment_set_id (TrComment *self,
                   gint64     id)
{
  g_return_if_fail (TR_IS_COMMENT (self));
  self->id = id;
}

TrSection
tr_comment_get_section (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), TR_SECTION_PURPOSE);
  return self->section;
}

guint
tr_comment_get_start (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), 0);
  return self->start;
}

guint
tr_comment_get_end (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), 0);
  return self->end;
}

void
tr_comment_set_range (TrComment *self,
                      guint      start,
                      guint      end)
{
  g_return_if_fail (TR_IS_COMMENT (self));
  self->start = MIN (start, end);
  self->end = MAX (start, end);
}

const char *
tr_comment_get_quote (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), "");
  return self->quote;
}

void
tr_comment_set_quote (TrComment  *self,
                      const char *quote)
{
  g_return_if_fail (TR_IS_COMMENT (self));
  tr_set_str (&self->quote, quote != NULL ? quote : "");
}

const char *
tr_comment_get_body (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), "");
  return self->body;
}

const char *
tr_comment_get_author (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), "");
  return self->author;
}

GDateTime *
tr_comment_get_created (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), NULL);
  return self->created;
}

void
tr_comment_set_created (TrComment *self,
                        GDateTime *created)
{
  g_return_if_fail (TR_IS_COMMENT (self));
  g_return_if_fail (created != NULL);

  g_date_time_ref (created);
  g_clear_pointer (&self->created, g_date_time_unref);
  self->created = created;
}

gboolean
tr_comment_get_resolved (TrComment *self)
{
  g_return_val_if_fail (TR_IS_COMMENT (self), FALSE);
  return self->resolved;
}

void
tr_comment_set_resolved (TrComment *self,
                         gboolean   resolved)
{
  g_return_if_fail (TR_IS_COMMENT (self));

  resolved = !!resolved;
  if (self->resolved == resolved)
    return;
  self->resolved = resolved;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RESOLVED]);
}

/* The byte at character @offset of @text, or its end. */
static const char *
char_at (const char *text,
         glong       length,
         guint       offset)
{
  return g_utf8_offset_to_pointer (text, MIN ((glong) offset, length));
}

gboolean
tr_comment_anchor (TrComment  *self,
                   const char *text,
                   guint      *out_start,
                   guint      *out_end)
{
  glong length;
  glong quote_length;
  const char *old_place;
  const char *best = NULL;
  gsize quote_bytes;

  g_return_val_if_fail (TR_IS_COMMENT (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  length = g_utf8_strlen (text, -1);
  quote_length = g_utf8_strlen (self->quote, -1);
  quote_bytes = strlen (self->quote);
  old_place = char_at (text, length, self->start);

  if (quote_bytes > 0)
    {
      if (strncmp (old_place, self->quote, quote_bytes) == 0)
        best = old_place;
      else
        {
          gsize best_distance = G_MAXSIZE;

          for (const char *hit = strstr (text, self->quote); hit != NULL;
               hit = strstr (hit + 1, self->quote))
            {
              gsize distance = hit > old_place ? (gsize) (hit - old_place)
                                               : (gsize) (old_place - hit);

              if (distance < best_distance)
                {
                  best = hit;
                  best_distance = distance;
                }
            }
        }
    }

  if (best == NULL)
    {
      if (out_start != NULL)
        *out_start = (guint) MIN ((glong) self->start, length);
      if (out_end != NULL)
        *out_end = (guint) MIN ((glong) self->end, length);
      return FALSE;
    }

  if (out_start != NULL)
    *out_start = (guint) g_utf8_pointer_to_offset (text, best);
  if (out_end != NULL)
    *out_end = (guint) (g_utf8_pointer_to_offset (text, best) + quote_length);
  return TRUE;
}
