/* tr-text-block.c
 *
 * A parser can put a paragraph in the wrong section; the review step lets
 * the user move it. Blocks keep their reading order, so moving one never
 * reorders the text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-model-enums.h"
#include "tr-text-block.h"

struct _TrTextBlock
{
  GObject parent_instance;

  char *text;
  TrField field;
};

G_DEFINE_FINAL_TYPE (TrTextBlock, tr_text_block, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_FIELD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

const TrField tr_text_block_fields[TR_TEXT_BLOCK_N_FIELDS] = {
  TR_FIELD_SUMMARY,
  TR_FIELD_PURPOSE,
  TR_FIELD_PROCESS,
  TR_FIELD_OBSERVATIONS,
  TR_FIELD_RECOMMENDATIONS,
  TR_FIELD_APPENDIX,
  TR_FIELD_UNCLASSIFIED,
};

static gboolean
is_block_field (TrField field)
{
  for (guint i = 0; i < TR_TEXT_BLOCK_N_FIELDS; i++)
    if (tr_text_block_fields[i] == field)
      return TRUE;
  return FALSE;
}

static void
tr_text_block_finalize (GObject *object)
{
  g_free (TR_TEXT_BLOCK (object)->text);

  G_OBJECT_CLASS (tr_text_block_parent_class)->finalize (object);
}

static void
tr_text_block_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  TrTextBlock *self = TR_TEXT_BLOCK (object);

  switch (prop_id)
    {
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_FIELD:
      g_value_set_uint (value, self->field);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_text_block_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_FIELD:
      tr_text_block_set_field (TR_TEXT_BLOCK (object), g_value_get_uint (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_text_block_class_init (TrTextBlockClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = tr_text_block_finalize;
  object_class->get_property = tr_text_block_get_property;
  object_class->set_property = tr_text_block_set_property;

  properties[PROP_TEXT] = g_param_spec_string ("text", NULL, NULL, NULL,
                                               G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELD] = g_param_spec_uint ("field", NULL, NULL, 0, TR_N_FIELDS - 1,
                                              TR_FIELD_UNCLASSIFIED,
                                              G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY |
                                              G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_text_block_init (TrTextBlock *self)
{
  self->field = TR_FIELD_UNCLASSIFIED;
}

TrTextBlock *
tr_text_block_new (const char *text,
                   TrField     field)
{
  TrTextBlock *self;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (is_block_field (field), NULL);

  self = g_object_new (TR_TYPE_TEXT_BLOCK, NULL);
  self->text = g_strdup (text);
  self->field = field;
  return self;
}

const char *
tr_text_block_get_text (TrTextBlock *self)
{
  g_return_val_if_fail (TR_IS_TEXT_BLOCK (self), NULL);
  return self->text;
}

TrField
tr_text_block_get_field (TrTextBlock *self)
{
  g_return_val_if_fail (TR_IS_TEXT_BLOCK (self), TR_FIELD_UNCLASSIFIED);
  return self->field;
}

void
tr_text_block_set_field (TrTextBlock *self,
                         TrField      field)
{
  g_return_if_fail (TR_IS_TEXT_BLOCK (self));
  g_return_if_fail (is_block_field (field));

  if (self->field == field)
    return;
  self->field = field;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELD]);
}

GListStore *
tr_text_blocks_from_report (TrReport *report)
{
  GListStore *blocks = g_list_store_new (TR_TYPE_TEXT_BLOCK);

  g_return_val_if_fail (TR_IS_REPORT (report), blocks);

  for (guint i = 0; i < TR_TEXT_BLOCK_N_FIELDS; i++)
    {
      TrField field = tr_text_block_fields[i];
      g_auto(GStrv) paragraphs = g_strsplit (tr_report_get_text (report, field), "\n", -1);

      for (guint p = 0; paragraphs[p] != NULL; p++)
        {
          g_autoptr(TrTextBlock) block = NULL;
          g_autofree char *stripped = g_strstrip (g_strdup (paragraphs[p]));

          /* Blank lines carry no text; the paragraphs keep their order. */
          if (stripped[0] == '\0')
            continue;
          block = tr_text_block_new (paragraphs[p], field);
          g_list_store_append (blocks, block);
        }
    }
  return blocks;
}

void
tr_text_blocks_apply (GListModel *blocks,
                      TrReport   *report)
{
  GString *texts[TR_N_FIELDS] = { NULL };

  g_return_if_fail (G_IS_LIST_MODEL (blocks));
  g_return_if_fail (TR_IS_REPORT (report));

  for (guint i = 0; i < TR_TEXT_BLOCK_N_FIELDS; i++)
    texts[tr_text_block_fields[i]] = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (blocks); i++)
    {
      g_autoptr(TrTextBlock) block = g_list_model_get_item (blocks, i);
      GString *text = texts[tr_text_block_get_field (block)];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      g_string_append (text, tr_text_block_get_text (block));
    }

  for (guint i = 0; i < TR_TEXT_BLOCK_N_FIELDS; i++)
    {
      TrField field = tr_text_block_fields[i];

      tr_report_set_text (report, field, texts[field]->str);
      g_string_free (texts[field], TRUE);
    }
}
