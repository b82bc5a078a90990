/* tr-section-editor.c
 *
 * The heading is a label outside the text buffer, so no key, paste or undo
 * in the text can ever rename or remove it.
 *
 * A text of up to TR_SECTION_EDITOR_LOAD_AT_ONCE bytes goes in at once:
 * GTK lays out only the lines in sight (tr-text-slice.c) and the rest from
 * its own idles, so a 300-page section costs the opening a few
 * milliseconds, less than in pieces, and the first key nothing. A longer
 * one is loaded in pieces: the first at once, the rest from an idle, a
 * piece at a time, each small enough to go in between two keystrokes.
 * Until the last piece is in, the text is the buffer's followed by what is
 * still to come (dup_text() says so), so a save never loses the end.
 * Loading is no edit to undo, and GTK keeps no undo history across it:
 * the rest comes in before anything that may edit the text (a key, a
 * click, a drop, a key binding), so that every edit can be undone and
 * none lands before text still to come.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-section-editor.h"
#include "tr-text-slice.h"
#include "tr-widget-util.h"

/* Bytes loaded at once and then at each idle: a few milliseconds of layout. */
#define LOAD_PIECE 8192

/* The counter follows typing at most this often: it needs no layout (a
 * GtkInscription, as wide as its longest text so far), but a new text is
 * a new frame. */
#define COUNT_INTERVAL_MS 250

/* Characters of room the counter keeps beyond its text: a few more
 * digits, and the window need not be laid out again when it gets them. */
#define COUNT_ROOM 4

typedef struct
{
  GtkLabel *heading_label;
  GtkTextView *text_view;
  GtkInscription *count_label;
  char *heading;

  /* What the counter counts: characters but white space and line breaks,
   * kept up to date edit by edit, never by reading the whole text. */
  guint counted;

  /* What the section holds besides its text view, counted by the same
   * rule: its tables and the text after them (tr-body-blocks.c). */
  guint counted_elsewhere;

  /* The text still to be loaded, from @rest_offset, and what it counts. */
  char *rest;
  gsize rest_offset;
  guint rest_counted;
  guint load_id;
  guint finish_id;
  gboolean loading;

  guint count_id;
} TrSectionEditorPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (TrSectionEditor, tr_section_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_HEADING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void mark_set (GtkTextBuffer   *buffer,
                      GtkTextIter     *location,
                      GtkTextMark     *mark,
                      TrSectionEditor *self);
static gboolean input_event (GtkEventControllerLegacy *controller,
                             GdkEvent                 *event,
                             TrSectionEditor          *self);
static void about_to_edit (TrSectionEditor *self);

static guint
count_characters (const char *text,
                  gssize      length)
{
  const char *end = length < 0 ? text + strlen (text) : text + length;
  guint count = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      count++;
  return count;
}

guint
tr_section_editor_count_text (const char *text,
                              gssize      length)
{
  g_return_val_if_fail (text != NULL, 0);
  return count_characters (text, length);
}

guint
tr_section_editor_count_characters (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (self), 0);
  return priv->counted + priv->rest_counted + priv->counted_elsewhere;
}

static void update_count (TrSectionEditor *self);
static void queue_update_count (TrSectionEditor *self);

static void
store_counted_elsewhere (TrSectionEditor *self,
                         guint            count,
                         gboolean         typed)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  if (priv->counted_elsewhere == count)
    return;
  priv->counted_elsewhere = count;
  if (typed)
    queue_update_count (self);
  else
    update_count (self);
}

void
tr_section_editor_set_counted_elsewhere (TrSectionEditor *self,
                                         guint            count)
{
  g_return_if_fail (TR_IS_SECTION_EDITOR (self));
  store_counted_elsewhere (self, count, FALSE);
}

void
tr_section_editor_type_counted_elsewhere (TrSectionEditor *self,
                                          guint            count)
{
  g_return_if_fail (TR_IS_SECTION_EDITOR (self));
  store_counted_elsewhere (self, count, TRUE);
}

static char *
tr_section_editor_real_format_count (TrSectionEditor *self)
{
  guint count = tr_section_editor_count_characters (self);
  g_autofree char *number = g_strdup_printf ("%'u", count);

  /* TRANSLATORS: the count under a section; %s is a number such as 1,234 */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s character without spaces",
                                       "%s characters without spaces", count),
                          number);
}

static void
insert_text (GtkTextBuffer   *buffer,
             GtkTextIter     *location,
             const char      *text,
             int              length,
             TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  /* A piece of the text: counted already, with what is still to come. */
  if (priv->loading)
    return;
  priv->counted += count_characters (text, length);
}

/* Before the default handler: the text is still there to be counted. */
static void
delete_range (GtkTextBuffer   *buffer,
              GtkTextIter     *start,
              GtkTextIter     *end,
              TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);
  GtkTextIter iter = *start;
  guint count = 0;

  if (gtk_text_iter_is_start (start) && gtk_text_iter_is_end (end))
    {
      priv->counted = 0;
      return;
    }
  for (; gtk_text_iter_compare (&iter, end) < 0; gtk_text_iter_forward_char (&iter))
    if (!g_unichar_isspace (gtk_text_iter_get_char (&iter)))
      count++;
  priv->counted -= MIN (count, priv->counted);
}

/* Makes the counter, which measures by its number of characters and not
 * by its text, wide enough for @text, and then some: a label given a new
 * text lays the whole window out again (on X11 it also asks the server
 * where the window is and how large its screen is), an inscription only
 * draws it. */
static void
fit_count (TrSectionEditor *self,
           const char      *text)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);
  GtkWidget *label = GTK_WIDGET (priv->count_label);
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (label, text);
  PangoFontMetrics *metrics = pango_context_get_metrics (gtk_widget_get_pango_context (label), NULL, NULL);
  /* What GtkInscription counts a character as. */
  int char_width = MAX (pango_font_metrics_get_approximate_char_width (metrics),
                        pango_font_metrics_get_approximate_digit_width (metrics));
  int width;
  guint chars;

  pango_font_metrics_unref (metrics);
  pango_layout_get_size (layout, &width, NULL);
  chars = (width + char_width - 1) / MAX (char_width, 1);
  if (chars <= gtk_inscription_get_min_chars (priv->count_label))
    return;
  gtk_inscription_set_min_chars (priv->count_label, chars + COUNT_ROOM);
  gtk_inscription_set_nat_chars (priv->count_label, chars + COUNT_ROOM);
}

static void
update_count (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);
  g_autofree char *count = TR_SECTION_EDITOR_GET_CLASS (self)->format_count (self);

  g_clear_handle_id (&priv->count_id, g_source_remove);
  fit_count (self, count);
  gtk_inscription_set_text (priv->count_label, count);
}

static gboolean
update_count_later (gpointer user_data)
{
  TrSectionEditor *self = user_data;
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  priv->count_id = 0;
  update_count (self);
  return G_SOURCE_REMOVE;
}

/* Not restarted by each key: while the user types, the counter still
 * moves, a few times a second. */
static void
queue_update_count (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  if (priv->count_id == 0)
    priv->count_id = g_timeout_add (COUNT_INTERVAL_MS, update_count_later, self);
}

static void
on_buffer_changed (GtkTextBuffer   *buffer,
                   TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  queue_update_count (self);
  /* A piece of the text set before: not a change. */
  if (priv->loading)
    return;
  if (TR_SECTION_EDITOR_GET_CLASS (self)->text_changed != NULL)
    TR_SECTION_EDITOR_GET_CLASS (self)->text_changed (self);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
tr_section_editor_dispose (GObject *object)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (TR_SECTION_EDITOR (object));

  g_clear_handle_id (&priv->load_id, g_source_remove);
  g_clear_handle_id (&priv->finish_id, g_source_remove);
  g_clear_handle_id (&priv->count_id, g_source_remove);
  /* Not gtk_widget_dispose_template(): in GTK 4.8 it looks for the template
   * on the instance's class, which a subclass does not have. */
  tr_widget_unparent_children (GTK_WIDGET (object));
  priv->heading_label = NULL;
  priv->text_view = NULL;
  priv->count_label = NULL;

  G_OBJECT_CLASS (tr_section_editor_parent_class)->dispose (object);
}

static void
tr_section_editor_finalize (GObject *object)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (TR_SECTION_EDITOR (object));

  g_free (priv->heading);
  g_free (priv->rest);

  G_OBJECT_CLASS (tr_section_editor_parent_class)->finalize (object);
}

static void
tr_section_editor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  TrSectionEditor *self = TR_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      g_value_set_string (value, tr_section_editor_get_heading (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_section_editor_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  TrSectionEditor *self = TR_SECTION_EDITOR (object);

  switch (prop_id)
    {
    case PROP_HEADING:
      tr_section_editor_set_heading (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_section_editor_class_init (TrSectionEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_section_editor_dispose;
  object_class->finalize = tr_section_editor_finalize;
  object_class->get_property = tr_section_editor_get_property;
  object_class->set_property = tr_section_editor_set_property;
  klass->format_count = tr_section_editor_real_format_count;

  properties[PROP_HEADING] =
    g_param_spec_string ("heading", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Emitted on every change of the text, by typing, pasting or undo. */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (TR_TYPE_TEXT_SLICE);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/editor/tr-section-editor.ui");
  gtk_widget_class_bind_template_child_private (widget_class, TrSectionEditor, heading_label);
  gtk_widget_class_bind_template_child_private (widget_class, TrSectionEditor, text_view);
  gtk_widget_class_bind_template_child_private (widget_class, TrSectionEditor, count_label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
}

static void
tr_section_editor_init (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  g_signal_connect_object (gtk_text_view_get_buffer (priv->text_view), "changed",
                           G_CALLBACK (on_buffer_changed), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (priv->text_view), "insert-text",
                           G_CALLBACK (insert_text), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (priv->text_view), "delete-range",
                           G_CALLBACK (delete_range), self, 0);
  g_signal_connect_object (gtk_text_view_get_buffer (priv->text_view), "mark-set",
                           G_CALLBACK (mark_set), self, G_CONNECT_AFTER);
  {
    GtkEventController *controller = gtk_event_controller_legacy_new ();
    const char * const edits[] = { "insert-at-cursor", "delete-from-cursor", "backspace",
                                   "paste-clipboard", "cut-clipboard" };

    /* The text view is our template child: it does not outlive us. */
    gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
    g_signal_connect (controller, "event", G_CALLBACK (input_event), self);
    gtk_widget_add_controller (GTK_WIDGET (priv->text_view), controller);
    for (guint i = 0; i < G_N_ELEMENTS (edits); i++)
      g_signal_connect_swapped (priv->text_view, edits[i], G_CALLBACK (about_to_edit), self);
  }
  gtk_widget_set_tooltip_text (GTK_WIDGET (priv->count_label),
                               _("Every character counts but spaces and line breaks"));
  update_count (self);
}

const char *
tr_section_editor_get_heading (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (self), NULL);
  return priv->heading;
}

void
tr_section_editor_set_heading (TrSectionEditor *self,
                               const char      *heading)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_if_fail (TR_IS_SECTION_EDITOR (self));

  if (g_strcmp0 (priv->heading, heading) == 0)
    return;
  g_free (priv->heading);
  priv->heading = g_strdup (heading);
  gtk_label_set_text (priv->heading_label, heading != NULL ? heading : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->text_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, heading != NULL ? heading : "",
                                  -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEADING]);
}

char *
tr_section_editor_dup_text (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (self);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  if (priv->rest == NULL)
    return g_steal_pointer (&text);
  return g_strconcat (text, priv->rest + priv->rest_offset, NULL);
}

/* The end of the next piece: at a line break when there is one near. */
static gsize
piece_end (const char *text,
           gsize       from,
           gsize       length)
{
  const char *limit, *newline;

  if (length - from <= LOAD_PIECE)
    return length;
  limit = g_utf8_find_prev_char (text + from, text + from + LOAD_PIECE + 1);
  newline = g_strrstr_len (text + from, limit - (text + from), "\n");
  if (newline != NULL && newline > text + from + LOAD_PIECE / 2)
    return newline + 1 - text;
  return limit - text;
}

/* Loading a report is not something to undo. @all: the whole rest in one
 * insertion, which GTK and the handlers of the buffer's signals take in a
 * fraction of the time they take for the same text in pieces. */
static void
append_piece (TrSectionEditor *self,
              gboolean         all)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (self);
  gsize length = strlen (priv->rest);
  gsize end = all ? length : piece_end (priv->rest, priv->rest_offset, length);
  guint counted = end == length ? priv->rest_counted
                                : count_characters (priv->rest + priv->rest_offset, end - priv->rest_offset);
  GtkTextIter iter;

  priv->rest_counted -= MIN (priv->rest_counted, counted);
  priv->counted += counted;
  priv->loading = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_get_end_iter (buffer, &iter);
  gtk_text_buffer_insert (buffer, &iter, priv->rest + priv->rest_offset, end - priv->rest_offset);
  gtk_text_buffer_end_irreversible_action (buffer);
  priv->loading = FALSE;
  priv->rest_offset = end;
  if (end == length)
    {
      g_clear_pointer (&priv->rest, g_free);
      priv->rest_offset = 0;
      priv->rest_counted = 0;
    }
}

static gboolean
load_next_piece (gpointer user_data)
{
  TrSectionEditor *self = user_data;
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  append_piece (self, FALSE);
  if (priv->rest != NULL)
    return G_SOURCE_CONTINUE;
  priv->load_id = 0;
  return G_SOURCE_REMOVE;
}

void
tr_section_editor_finish_loading (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_if_fail (TR_IS_SECTION_EDITOR (self));

  g_clear_handle_id (&priv->load_id, g_source_remove);
  g_clear_handle_id (&priv->finish_id, g_source_remove);
  if (priv->rest != NULL)
    append_piece (self, TRUE);
}

/* Whatever may edit the text, before it starts: a key, a click (a
 * middle-click pastes), a drop, and the key bindings' signals. */
static gboolean
input_event (GtkEventControllerLegacy *controller,
             GdkEvent                 *event,
             TrSectionEditor          *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  switch (gdk_event_get_event_type (event))
    {
    case GDK_KEY_PRESS:
    case GDK_BUTTON_PRESS:
    case GDK_TOUCH_BEGIN:
    case GDK_DRAG_ENTER:
      if (priv->rest != NULL)
        tr_section_editor_finish_loading (self);
      break;
    default:
      break;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
about_to_edit (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  if (priv->rest != NULL)
    tr_section_editor_finish_loading (self);
}

static gboolean
finish_loading_now (gpointer user_data)
{
  TrSectionEditor *self = user_data;
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  priv->finish_id = 0;
  tr_section_editor_finish_loading (self);
  return G_SOURCE_REMOVE;
}

/* The cursor sent to the end of what is loaded (Ctrl+End, Select All):
 * meant for the end of the text. The rest comes in before the next key,
 * and the cursor, at the end, moves with it. */
static void
mark_set (GtkTextBuffer   *buffer,
          GtkTextIter     *location,
          GtkTextMark     *mark,
          TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  if (priv->rest == NULL || priv->finish_id != 0 || mark != gtk_text_buffer_get_insert (buffer) ||
      !gtk_text_iter_is_end (location))
    return;
  priv->finish_id = g_idle_add_full (G_PRIORITY_HIGH, finish_loading_now, self, NULL);
}

gboolean
tr_section_editor_is_loading (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (self), FALSE);
  return priv->rest != NULL;
}

void
tr_section_editor_set_text (TrSectionEditor *self,
                            const char      *text)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (self);

  g_clear_handle_id (&priv->load_id, g_source_remove);
  g_clear_handle_id (&priv->finish_id, g_source_remove);
  g_clear_pointer (&priv->rest, g_free);
  priv->rest_offset = 0;
  priv->rest_counted = 0;

  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, "", -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  if (text == NULL || text[0] == '\0')
    {
      update_count (self);
      return;
    }

  priv->rest = g_strdup (text);
  priv->rest_counted = count_characters (text, -1);
  /* The first piece fills the screen at once, and the counter counts
   * the whole text from the start. */
  append_piece (self, strlen (text) <= TR_SECTION_EDITOR_LOAD_AT_ONCE);
  update_count (self);
  if (priv->rest == NULL)
    return;
  /* At the start, not at the end of what is loaded so far, where the
   * pieces still to come would go after what is typed. */
  {
    GtkTextIter start;

    gtk_text_buffer_get_start_iter (buffer, &start);
    gtk_text_buffer_place_cursor (buffer, &start);
  }
  /* After drawing (120), before GTK lays text out (125): a piece goes in
   * between two frames, without waiting for the one before to be laid
   * out, so that the whole text is in a moment after opening, before the
   * first edit most likely; one that comes sooner brings the rest in
   * first (input_event()). Lines not laid out yet cost little: GTK lays
   * out the lines in sight, and the rest from its own idles. */
  priv->load_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 22, load_next_piece, self, NULL);
}

GtkTextView *
tr_section_editor_get_text_view (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (self), NULL);
  return priv->text_view;
}

GtkTextBuffer *
tr_section_editor_get_buffer (TrSectionEditor *self)
{
  return gtk_text_view_get_buffer (tr_section_editor_get_text_view (self));
}

GtkInscription *
tr_section_editor_get_count_label (TrSectionEditor *self)
{
  TrSectionEditorPrivate *priv = tr_section_editor_get_instance_private (self);

  g_return_val_if_fail (TR_IS_SECTION_EDITOR (self), NULL);
  return priv->count_label;
}

void
tr_section_editor_focus_at (TrSectionEditor *self,
                            gssize           offset)
{
  GtkTextBuffer *buffer = tr_section_editor_get_buffer (self);
  GtkTextView *text_view = tr_section_editor_get_text_view (self);
  GtkTextIter iter;

  gtk_text_buffer_get_start_iter (buffer, &iter);
  /* A place further than what is loaded yet. */
  if (offset > 0)
    tr_section_editor_finish_loading (self);
  if (offset > 0)
    {
      g_autofree char *text = tr_section_editor_dup_text (self);

      if ((gsize) offset <= strlen (text))
        gtk_text_buffer_get_iter_at_offset (buffer, &iter,
                                            g_utf8_pointer_to_offset (text, text + offset));
    }
  gtk_text_buffer_place_cursor (buffer, &iter);
  gtk_widget_grab_focus (GTK_WIDGET (text_view));
  gtk_text_view_scroll_to_iter (text_view, &iter, 0.1, FALSE, 0, 0);
}
