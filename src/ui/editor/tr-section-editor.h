/* tr-section-editor.h: a fixed heading over a multi-line text, with a count
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define TR_TYPE_SECTION_EDITOR (tr_section_editor_get_type ())
G_DECLARE_DERIVABLE_TYPE (TrSectionEditor, tr_section_editor, TR, SECTION_EDITOR, GtkWidget)

struct _TrSectionEditorClass
{
  GtkWidgetClass parent_class;

  /* The text under the heading changed; the buffer is already up to date. */
  void   (*text_changed)  (TrSectionEditor *self);
  /* The counter's text, e.g. "1234 characters". Runs at every keystroke:
   * the default asks the buffer for its length rather than copying it. */
  char * (*format_count)  (TrSectionEditor *self);
};

/* The heading is report content (目的 …) and cannot be edited. */
const char    *tr_section_editor_get_heading   (TrSectionEditor *self);
void           tr_section_editor_set_heading   (TrSectionEditor *self,
                                                const char      *heading);

/* Reading the text copies it: the editor asks only when it saves. */
char          *tr_section_editor_dup_text      (TrSectionEditor *self);
/* Texts up to this many bytes (some 580 pages of Chinese) are in the
 * buffer as soon as set_text() returns. */
#define TR_SECTION_EDITOR_LOAD_AT_ONCE (1024 * 1024)

/* Replaces the text without making an undo step. A longer text arrives in
 * the buffer piece by piece, from idles; dup_text() has all of it. */
void           tr_section_editor_set_text      (TrSectionEditor *self,
                                                const char      *text);
/* Puts what set_text() still has to load in the buffer now: for what
 * reads or marks the buffer itself (comments, find). */
void           tr_section_editor_finish_loading (TrSectionEditor *self);
gboolean       tr_section_editor_is_loading    (TrSectionEditor *self);
/* What the counter shows: the characters but spaces and line breaks. */
guint          tr_section_editor_count_characters (TrSectionEditor *self);
/* What the section holds besides its text (tables, the text after them)
 * adds @count to the counter. */
void           tr_section_editor_set_counted_elsewhere (TrSectionEditor *self,
                                                        guint            count);
/* The same, for keys typed there: the label follows a few times a
 * second, as it does typing in the section's text. */
void           tr_section_editor_type_counted_elsewhere (TrSectionEditor *self,
                                                         guint            count);
/* The counter's rule: the characters of @text but white space. */
guint          tr_section_editor_count_text    (const char      *text,
                                                gssize           length);

GtkTextView   *tr_section_editor_get_text_view (TrSectionEditor *self);
GtkTextBuffer *tr_section_editor_get_buffer    (TrSectionEditor *self);
GtkInscription *tr_section_editor_get_count_label (TrSectionEditor *self);

/* Moves the cursor to @offset (bytes, -1 for the start) and focuses the text. */
void           tr_section_editor_focus_at      (TrSectionEditor *self,
                                                gssize           offset);

G_END_DECLS
