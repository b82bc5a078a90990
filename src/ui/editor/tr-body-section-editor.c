/* tr-body-section-editor.c
 *
 * Numbered lines (一、 （一） 1. (1)) are indented by level as the user
 * types, with the levels the ODT export uses, so the draft already reads
 * like the submitted document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-body-section-editor.h"
#include "tr-numbering.h"

/* Width of one level of indentation, and of the hanging part, in pixels. */
#define LEVEL_INDENT 28

struct _TrBodySectionEditor
{
  TrSectionEditor parent_instance;

  TrSection section;
  GtkTextTag *level_tags[TR_NUMBERING_PARENTHESIZED_ARABIC + 1];
};

G_DEFINE_FINAL_TYPE (TrBodySectionEditor, tr_body_section_editor, TR_TYPE_SECTION_EDITOR)

enum {
  PROP_0,
  PROP_SECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* 壹、貳、參、肆: the body's own numbering, as in the exported document. */
static const char * const section_numbers[TR_N_SECTIONS] = { "壹", "貳", "參", "肆" };

/* Whether a line from @start to @end has a level tag: most lines have
 * none, and removing tags that are not there still costs a walk through
 * the buffer, and a relayout of the line, per tag. */
static gboolean
has_level_tags (TrBodySectionEditor *self,
                const GtkTextIter   *start,
                const GtkTextIter   *end)
{
  for (guint i = 1; i < G_N_ELEMENTS (self->level_tags); i++)
    {
      GtkTextIter toggle = *start;

      if (gtk_text_iter_has_tag (start, self->level_tags[i]) ||
          (gtk_text_iter_forward_to_tag_toggle (&toggle, self->level_tags[i]) &&
           gtk_text_iter_compare (&toggle, end) < 0))
        return TRUE;
    }
  return FALSE;
}

/* Tags the line starting at @start by its numbering; @text, when not NULL,
 * is the line's text up to its line break at least. @maybe_tagged: the
 * line may have a level tag to remove. */
static void
tag_line (TrBodySectionEditor *self,
          GtkTextIter         *start,
          const char          *text,
          gboolean             maybe_tagged)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (TR_SECTION_EDITOR (self));
  g_autofree char *line_text = NULL;
  GtkTextIter end = *start;
  TrNumberingLevel level;

  if (!gtk_text_iter_ends_line (&end))
    gtk_text_iter_forward_to_line_end (&end);
  if (maybe_tagged && has_level_tags (self, start, &end))
    for (guint i = 1; i < G_N_ELEMENTS (self->level_tags); i++)
      gtk_text_buffer_remove_tag (buffer, self->level_tags[i], start, &end);

  if (text == NULL)
    text = line_text = gtk_text_buffer_get_text (buffer, start, &end, FALSE);
  level = tr_numbering_get_level (text, NULL);
  if (level != TR_NUMBERING_NONE)
    gtk_text_buffer_apply_tag (buffer, self->level_tags[level], start, &end);
}

/* Only the lines an edit touched are looked at, so typing stays cheap in a
 * 200-page section; the lines wholly inserted are read from the inserted
 * text, not copied out of the buffer one by one (a long section loaded). */
static void
after_insert_text (GtkTextBuffer       *buffer,
                   GtkTextIter         *end,
                   const char          *text,
                   int                  length,
                   TrBodySectionEditor *self)
{
  int last_line = gtk_text_iter_get_line (end);
  /* GTK also breaks lines at \r and U+2029: then every line is read from
   * the buffer. */
  gboolean newlines_only = memchr (text, '\r', length) == NULL &&
                           g_strstr_len (text, length, "\xe2\x80\xa9") == NULL;
  const char *p = text;
  GtkTextIter iter = *end, last_end = *end;
  gboolean maybe_tagged;

  if (newlines_only)
    {
      int first_line = last_line;

      for (const char *q = text; (q = memchr (q, '\n', text + length - q)) != NULL; q++)
        first_line--;
      gtk_text_buffer_get_iter_at_line (buffer, &iter, first_line);
    }
  else
    {
      gtk_text_iter_backward_chars (&iter, g_utf8_strlen (text, length));
      gtk_text_iter_set_line_offset (&iter, 0);
    }
  if (!gtk_text_iter_ends_line (&last_end))
    gtk_text_iter_forward_to_line_end (&last_end);
  /* Text typed or loaded into lines without numbers: nothing to remove. */
  maybe_tagged = has_level_tags (self, &iter, &last_end);

  /* The first line: the text before the insertion, maybe a number, is in it. */
  tag_line (self, &iter, NULL, maybe_tagged);
  while (gtk_text_iter_forward_line (&iter) && gtk_text_iter_get_line (&iter) <= last_line)
    {
      const char *line_text = NULL;

      if (newlines_only)
        {
          p = (const char *) memchr (p, '\n', text + length - p) + 1;
          /* The last line goes on with the text after the insertion. */
          if (gtk_text_iter_get_line (&iter) < last_line)
            line_text = p;
        }
      tag_line (self, &iter, line_text, maybe_tagged);
    }
}

static void
after_delete_range (GtkTextBuffer       *buffer,
                    GtkTextIter         *start,
                    GtkTextIter         *end,
                    TrBodySectionEditor *self)
{
  GtkTextIter line_start = *start;

  gtk_text_iter_set_line_offset (&line_start, 0);
  tag_line (self, &line_start, NULL, TRUE);
}

static void
tr_body_section_editor_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  TrBodySectionEditor *self = TR_BODY_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      g_value_set_uint (value, self->section);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_body_section_editor_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  TrBodySectionEditor *self = TR_BODY_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_SECTION:
      self->section = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_body_section_editor_constructed (GObject *object)
{
  TrBodySectionEditor *self = TR_BODY_SECTION_EDITOR (object);
  g_autofree char *heading = NULL;

  G_OBJECT_CLASS (tr_body_section_editor_parent_class)->constructed (object);

  heading = g_strdup_printf ("%s、%s", section_numbers[self->section],
                             tr_section_get_heading (self->section));
  tr_section_editor_set_heading (TR_SECTION_EDITOR (self), heading);
  gtk_widget_set_name (GTK_WIDGET (self), tr_section_get_key (self->section));
}

static void
tr_body_section_editor_class_init (TrBodySectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = tr_body_section_editor_get_property;
  object_class->set_property = tr_body_section_editor_set_property;
  object_class->constructed = tr_body_section_editor_constructed;

  properties[PROP_SECTION] =
    g_param_spec_uint ("section", NULL, NULL, 0, TR_N_SECTIONS - 1, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
tr_body_section_editor_init (TrBodySectionEditor *self)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (TR_SECTION_EDITOR (self));

  for (guint level = 1; level < G_N_ELEMENTS (self->level_tags); level++)
    {
      g_autofree char *name = g_strdup_printf ("level-%u", level);

      /* A hanging indent: the number sticks out, wrapped lines align with the text. */
      self->level_tags[level] = gtk_text_buffer_create_tag (buffer, name,
                                                            "left-margin", LEVEL_INDENT * (int) level,
                                                            "indent", -LEVEL_INDENT,
                                                            NULL);
    }

  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (after_insert_text), self, G_CONNECT_AFTER);
  g_signal_connect_object (buffer, "delete-range", G_CALLBACK (after_delete_range), self, G_CONNECT_AFTER);
}

GtkWidget *
tr_body_section_editor_new (TrSection section)
{
  g_return_val_if_fail (section < TR_N_SECTIONS, NULL);

  return g_object_new (TR_TYPE_BODY_SECTION_EDITOR, "section", section, NULL);
}

TrSection
tr_body_section_editor_get_section (TrBodySectionEditor *self)
{
  g_return_val_if_fail (TR_IS_BODY_SECTION_EDITOR (self), 0);
  return self->section;
}
