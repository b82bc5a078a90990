/* tr-section-history.c
 *
 * GtkTextBuffer keeps an undo history per buffer, and a section is many
 * buffers: its first text, the texts after its tables and every cell.
 * Their own histories are off (tr-body-blocks.c); this one records every
 * edit with the place it was made in, so that Ctrl+Z goes back through
 * text and tables alike in the order things were done.
 *
 * A step is a list of edits of texts, or the whole section as it was
 * before a change of its tables (which are small beside the text: a
 * change of shape is undone by putting back the section as it was). Keys
 * typed one after another in a word make one step, as in GtkTextBuffer:
 * a space or a line break starts the next; a user action (a paste, a
 * Replace All in one text) is one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-section-history.h"

/* Steps kept, and the bytes of text the section's copies in them may take
 * together: a section can be a few hundred pages. */
#define MAX_STEPS 1000
#define MAX_BODY_BYTES (16 * 1024 * 1024)

typedef struct {
  TrTextPlace place;
  gboolean insert;
  guint start;       /* in characters */
  guint n_chars;
  GString *text;
} Edit;

typedef struct {
  GArray *edits;     /* Edit, in the order made; NULL for a body step */
  TrBody *body;      /* a body step's section, on the other side of it */
  gboolean sealed;   /* typing goes on in a step of its own */
} Step;

struct _TrSectionHistory
{
  GObject parent_instance;

  TrSectionHistoryFuncs funcs;
  gpointer user_data;

  GPtrArray *undo;   /* Step, oldest first */
  GPtrArray *redo;   /* Step, the next to redo last */

  guint in_user_action;
  Step *action_step; /* where the edits of the user action going on go */
  guint action_edits;
  gboolean applying;
};

G_DEFINE_FINAL_TYPE (TrSectionHistory, tr_section_history, G_TYPE_OBJECT)

static void
edit_clear (Edit *edit)
{
  g_string_free (edit->text, TRUE);
}

static void
step_free (Step *step)
{
  g_clear_pointer (&step->edits, g_array_unref);
  g_clear_object (&step->body);
  g_free (step);
}

static Step *
text_step_new (void)
{
  Step *step = g_new0 (Step, 1);

  step->edits = g_array_new (FALSE, TRUE, sizeof (Edit));
  g_array_set_clear_func (step->edits, (GDestroyNotify) edit_clear);
  return step;
}

static gboolean
place_equal (const TrTextPlace *a,
             const TrTextPlace *b)
{
  return a->kind == b->kind && a->index == b->index && a->row == b->row && a->column == b->column;
}

static gboolean
is_space (const char *text)
{
  return g_unichar_isspace (g_utf8_get_char (text));
}

static Step *
top_step (TrSectionHistory *self)
{
  return self->undo->len > 0 ? self->undo->pdata[self->undo->len - 1] : NULL;
}

/* Whether @edit, one character typed or deleted, goes on with the typing
 * of @step. */
static gboolean
merge_typing (Step       *step,
              const Edit *edit)
{
  Edit *last;

  if (step == NULL || step->sealed || step->edits == NULL || step->edits->len != 1 || edit->n_chars != 1)
    return FALSE;
  last = &g_array_index (step->edits, Edit, 0);
  if (!place_equal (&last->place, &edit->place) || last->insert != edit->insert)
    return FALSE;
  if (edit->insert)
    {
      const char *previous = g_utf8_find_prev_char (last->text->str, last->text->str + last->text->len);

      /* A new word, or a new line, is a new step. */
      if (last->start + last->n_chars != edit->start || edit->text->str[0] == '\n' ||
          (is_space (edit->text->str) && previous != NULL && !is_space (previous)))
        return FALSE;
      g_string_append (last->text, edit->text->str);
    }
  else if (edit->start + 1 == last->start)   /* Backspace */
    {
      g_string_prepend (last->text, edit->text->str);
      last->start = edit->start;
    }
  else if (edit->start == last->start)       /* Delete */
    g_string_append (last->text, edit->text->str);
  else
    return FALSE;
  last->n_chars++;
  return TRUE;
}

static gsize
body_bytes (GPtrArray *steps)
{
  gsize size = 0;

  for (guint i = 0; i < steps->len; i++)
    {
      Step *step = steps->pdata[i];

      if (step->body != NULL)
        size += strlen (tr_body_get_plain_text (step->body));
    }
  return size;
}

static void
push_step (TrSectionHistory *self,
           Step             *step)
{
  g_ptr_array_add (self->undo, step);
  while (self->undo->len > MAX_STEPS || (self->undo->len > 1 && step->body != NULL &&
                                         body_bytes (self->undo) > MAX_BODY_BYTES))
    g_ptr_array_remove_index (self->undo, 0);
}

static void
record (TrSectionHistory *self,
        Edit             *edit)
{
  Step *step;

  g_ptr_array_set_size (self->redo, 0);
  if (self->in_user_action > 0 && self->action_step != NULL && self->action_step == top_step (self))
    {
      g_array_append_val (self->action_step->edits, *edit);
      self->action_edits++;
      return;
    }
  step = top_step (self);
  if (self->in_user_action > 0 && merge_typing (step, edit))
    edit_clear (edit);
  else
    {
      step = text_step_new ();
      g_array_append_val (step->edits, *edit);
      /* Pasted, not typed; or made by the program. */
      step->sealed = edit->n_chars > 1 || self->in_user_action == 0;
      push_step (self, step);
    }
  if (self->in_user_action > 0)
    {
      self->action_step = step;
      self->action_edits = 1;
    }
}

void
tr_section_history_inserted (TrSectionHistory  *self,
                             const TrTextPlace *place,
                             guint              offset,
                             const char        *text,
                             gssize             length)
{
  Edit edit = { 0 };

  g_return_if_fail (TR_IS_SECTION_HISTORY (self));

  if (self->applying || length == 0)
    return;
  edit.place = *place;
  edit.insert = TRUE;
  edit.start = offset;
  edit.text = g_string_new_len (text, length);
  edit.n_chars = g_utf8_strlen (edit.text->str, edit.text->len);
  record (self, &edit);
}

void
tr_section_history_deleted (TrSectionHistory  *self,
                            const TrTextPlace *place,
                            guint              start,
                            const char        *text)
{
  Edit edit = { 0 };

  g_return_if_fail (TR_IS_SECTION_HISTORY (self));

  if (self->applying || text[0] == '\0')
    return;
  edit.place = *place;
  edit.start = start;
  edit.text = g_string_new (text);
  edit.n_chars = g_utf8_strlen (text, -1);
  record (self, &edit);
}

void
tr_section_history_begin_user_action (TrSectionHistory *self)
{
  g_return_if_fail (TR_IS_SECTION_HISTORY (self));

  if (self->in_user_action++ == 0)
    {
      self->action_step = NULL;
      self->action_edits = 0;
    }
}

void
tr_section_history_end_user_action (TrSectionHistory *self)
{
  g_return_if_fail (TR_IS_SECTION_HISTORY (self));
  g_return_if_fail (self->in_user_action > 0);

  if (--self->in_user_action > 0)
    return;
  /* More than a key: no typing joins it. */
  if (self->action_step != NULL && self->action_edits > 1)
    self->action_step->sealed = TRUE;
  self->action_step = NULL;
}

static void
seal_top (TrSectionHistory *self)
{
  Step *top = top_step (self);

  if (top != NULL)
    top->sealed = TRUE;
  self->action_step = NULL;
}

void
tr_section_history_push_body (TrSectionHistory *self,
                              TrBody           *body)
{
  Step *step;

  g_return_if_fail (TR_IS_SECTION_HISTORY (self));
  g_return_if_fail (TR_IS_BODY (body));

  seal_top (self);
  g_ptr_array_set_size (self->redo, 0);
  step = g_new0 (Step, 1);
  step->body = g_object_ref (body);
  step->sealed = TRUE;
  push_step (self, step);
}

void
tr_section_history_clear (TrSectionHistory *self)
{
  g_return_if_fail (TR_IS_SECTION_HISTORY (self));

  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
  self->action_step = NULL;
}

gboolean
tr_section_history_is_applying (TrSectionHistory *self)
{
  g_return_val_if_fail (TR_IS_SECTION_HISTORY (self), FALSE);
  return self->applying;
}

gboolean
tr_section_history_can_undo (TrSectionHistory *self)
{
  g_return_val_if_fail (TR_IS_SECTION_HISTORY (self), FALSE);
  return self->undo->len > 0;
}

gboolean
tr_section_history_can_redo (TrSectionHistory *self)
{
  g_return_val_if_fail (TR_IS_SECTION_HISTORY (self), FALSE);
  return self->redo->len > 0;
}

static void
apply_edit (TrSectionHistory *self,
            const Edit       *edit,
            gboolean          forward)
{
  if (edit->insert == forward)
    self->funcs.insert (self->user_data, &edit->place, edit->start, edit->text->str);
  else
    self->funcs.delete (self->user_data, &edit->place, edit->start, edit->start + edit->n_chars);
}

/* Applies @step backwards (undo) or @forward (redo); a body step swaps the
 * section it holds with the one shown. */
static void
apply_step (TrSectionHistory *self,
            Step             *step,
            gboolean          forward)
{
  self->applying = TRUE;
  if (step->body != NULL)
    {
      TrBody *now = self->funcs.dup_body (self->user_data);

      self->funcs.restore (self->user_data, g_steal_pointer (&step->body));
      step->body = now;
    }
  else if (forward)
    for (guint i = 0; i < step->edits->len; i++)
      apply_edit (self, &g_array_index (step->edits, Edit, i), TRUE);
  else
    for (guint i = step->edits->len; i > 0; i--)
      apply_edit (self, &g_array_index (step->edits, Edit, i - 1), FALSE);
  self->applying = FALSE;
  step->sealed = TRUE;
}

gboolean
tr_section_history_undo (TrSectionHistory *self)
{
  Step *step;

  g_return_val_if_fail (TR_IS_SECTION_HISTORY (self), FALSE);

  if (self->undo->len == 0 || self->applying)
    return FALSE;
  step = g_ptr_array_steal_index (self->undo, self->undo->len - 1);
  self->action_step = NULL;
  apply_step (self, step, FALSE);
  g_ptr_array_add (self->redo, step);
  seal_top (self);
  return TRUE;
}

gboolean
tr_section_history_redo (TrSectionHistory *self)
{
  Step *step;

  g_return_val_if_fail (TR_IS_SECTION_HISTORY (self), FALSE);

  if (self->redo->len == 0 || self->applying)
    return FALSE;
  step = g_ptr_array_steal_index (self->redo, self->redo->len - 1);
  self->action_step = NULL;
  apply_step (self, step, TRUE);
  g_ptr_array_add (self->undo, step);
  return TRUE;
}

static void
tr_section_history_finalize (GObject *object)
{
  TrSectionHistory *self = TR_SECTION_HISTORY (object);

  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);

  G_OBJECT_CLASS (tr_section_history_parent_class)->finalize (object);
}

static void
tr_section_history_class_init (TrSectionHistoryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = tr_section_history_finalize;
}

static void
tr_section_history_init (TrSectionHistory *self)
{
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) step_free);
}

TrSectionHistory *
tr_section_history_new (const TrSectionHistoryFuncs *funcs,
                        gpointer                     user_data)
{
  TrSectionHistory *self;

  g_return_val_if_fail (funcs != NULL, NULL);

  self = g_object_new (TR_TYPE_SECTION_HISTORY, NULL);
  self->funcs = *funcs;
  self->user_data = user_data;
  return self;
}
