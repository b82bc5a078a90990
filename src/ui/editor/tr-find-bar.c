/* tr-find-bar.c
 *
 * Matches are found in a copy of each text, compared a character at a
 * time in lower case, and kept as character offsets: the same for a text
 * buffer and a one-line entry, and as many characters as the text view
 * counts, so an offset is an iter. Text buffers show every match with a
 * tag; entries cannot, and show theirs as a selection when stepped to.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-find-bar.h"
#include "tr-find-bar-private.h"
#include "tr-widget-util.h"

#define MATCH_TAG "tr-find-match"
#define CURRENT_TAG "tr-find-current"
/* After a change in a searched text, the count follows once typing pauses. */
#define REFRESH_DELAY_MS 200

typedef struct {
  guint place;
  int start;   /* characters */
  int end;
} Match;

struct _TrFindBar
{
  GtkWidget parent_instance;

  /* GtkTextView or GtkEditable, in document order. */
  GPtrArray *places;
  GArray *matches;
  /* Index into matches, or -1. */
  int current;
  guint refresh_id;
  /* Our own edits: no refresh for each of them. */
  gboolean replacing;
  /* Where the cursor was when the bar opened: a new search starts there. */
  gboolean has_origin;
  guint origin_place;
  int origin_offset;
  /* What the matches are of. */
  char *needle;
  /* Showing the match once a report just opened is laid out. */
  guint reveal_tick_id;
  guint frames_waited;

  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkLabel *count_label;
  GtkToggleButton *replace_toggle;
  GtkRevealer *replace_revealer;
  GtkEntry *replace_entry;
};

G_DEFINE_FINAL_TYPE (TrFindBar, tr_find_bar, GTK_TYPE_WIDGET)

static void refresh (TrFindBar *self, gboolean keep_position);

static GtkTextBuffer *
place_buffer (GtkWidget *place)
{
  return GTK_IS_TEXT_VIEW (place) ? gtk_text_view_get_buffer (GTK_TEXT_VIEW (place)) : NULL;
}

static char *
place_dup_text (GtkWidget *place)
{
  GtkTextBuffer *buffer = place_buffer (place);
  GtkTextIter start, end;

  if (buffer == NULL)
    return g_strdup (gtk_editable_get_text (GTK_EDITABLE (place)));
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  /* A slice keeps a character for each embedded object: offsets stay iters. */
  return gtk_text_buffer_get_slice (buffer, &start, &end, TRUE);
}

static gboolean
place_is_editable (GtkWidget *place)
{
  if (!gtk_widget_is_sensitive (place))
    return FALSE;
  if (GTK_IS_TEXT_VIEW (place))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (place));
  return gtk_editable_get_editable (GTK_EDITABLE (place));
}

/* The needle in lower case, a character at a time: a match then has as
 * many characters as the needle, whatever the case of the text. */
static gunichar *
fold_needle (const char *needle,
             glong      *n_chars)
{
  gunichar *folded = g_utf8_to_ucs4_fast (needle, -1, n_chars);

  for (glong i = 0; i < *n_chars; i++)
    folded[i] = g_unichar_tolower (folded[i]);
  return folded;
}

static void
find_in_text (const char     *text,
              const gunichar *needle,
              glong           needle_len,
              guint           place,
              GArray         *matches)
{
  int offset = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p), offset++)
    {
      const char *q = p;
      glong i;

      for (i = 0; i < needle_len && *q != '\0'; i++, q = g_utf8_next_char (q))
        if (g_unichar_tolower (g_utf8_get_char (q)) != needle[i])
          break;
      if (i == needle_len)
        {
          Match match = { place, offset, offset + (int) needle_len };

          g_array_append_val (matches, match);
          /* Matches do not overlap: "aa" in "aaa" is one. */
          p = g_utf8_prev_char (q);
          offset += needle_len - 1;
        }
    }
}

static GtkTextTag *
ensure_tag (GtkTextBuffer *buffer,
            const char    *name)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextTag *tag = gtk_text_tag_table_lookup (table, name);

  if (tag != NULL)
    return tag;
  if (g_str_equal (name, CURRENT_TAG))
    return gtk_text_buffer_create_tag (buffer, name,
                                       "background-rgba", &(GdkRGBA) { 0.96, 0.47, 0.0, 0.55 },
                                       NULL);
  return gtk_text_buffer_create_tag (buffer, name,
                                     "background-rgba", &(GdkRGBA) { 0.98, 0.85, 0.2, 0.45 },
                                     NULL);
}

static void
remove_tag (GtkTextBuffer *buffer,
            const char    *name)
{
  GtkTextTag *tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), name);
  GtkTextIter start, end;

  if (tag == NULL)
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_remove_tag (buffer, tag, &start, &end);
}

static void
clear_highlights (TrFindBar *self)
{
  for (guint i = 0; i < self->places->len; i++)
    {
      GtkTextBuffer *buffer = place_buffer (g_ptr_array_index (self->places, i));

      if (buffer != NULL)
        {
          remove_tag (buffer, MATCH_TAG);
          remove_tag (buffer, CURRENT_TAG);
        }
    }
}

static void
update_count_label (TrFindBar *self)
{
  g_autofree char *text = NULL;
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  if (needle[0] == '\0')
    text = g_strdup ("");
  else if (self->matches->len == 0)
    text = g_strdup (_("No Results"));
  else if (self->current < 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match", "%u matches", self->matches->len),
                            self->matches->len);
  else
    /* TRANSLATORS: the match shown, of how many in the report */
    text = g_strdup_printf (_("%d of %u"), self->current + 1, self->matches->len);
  gtk_label_set_text (self->count_label, text);
  if (needle[0] != '\0' && self->matches->len == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->search_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->search_entry), "error");
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.next", self->matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.previous", self->matches->len > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.replace", self->current >= 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "find.replace-all", self->matches->len > 0);
}

/* Scrolls every scrolled window around @place so that @area (in @place's
 * coordinates) is in view: the text view's own, if it has one, and the
 * page's. */
static void
reveal_area (GtkWidget                   *place,
             const graphene_rect_t       *area)
{
  for (GtkWidget *ancestor = gtk_widget_get_parent (place); ancestor != NULL;
       ancestor = gtk_widget_get_parent (ancestor))
    {
      GtkAdjustment *adjustment;
      GtkWidget *content;
      graphene_rect_t bounds;
      double value, page;

      if (!GTK_IS_SCROLLED_WINDOW (ancestor))
        continue;
      content = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (ancestor));
      /* The page under the viewport, whose coordinates do not scroll; a
       * text view in a scrolled window of its own scrolls itself. */
      if (GTK_IS_VIEWPORT (content))
        content = gtk_viewport_get_child (GTK_VIEWPORT (content));
      else
        continue;
      if (content == NULL)
        continue;
      if (!gtk_widget_compute_bounds (place, content, &bounds))
        continue;
      adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (ancestor));
      value = gtk_adjustment_get_value (adjustment);
      page = gtk_adjustment_get_page_size (adjustment);
      {
        double top = bounds.origin.y + area->origin.y;
        double bottom = top + area->size.height;

        /* The match a third of the way down, as a reader's eye expects. */
        if (top < value || bottom > value + page)
          gtk_adjustment_set_value (adjustment, top - page / 3);
      }
    }
}

static void
show_current (TrFindBar *self)
{
  const Match *match;
  GtkWidget *place;
  GtkTextBuffer *buffer;

  update_count_label (self);
  if (self->current < 0)
    return;

  match = &g_array_index (self->matches, Match, self->current);
  place = g_ptr_array_index (self->places, match->place);
  buffer = place_buffer (place);

  for (guint i = 0; i < self->places->len; i++)
    {
      GtkTextBuffer *other = place_buffer (g_ptr_array_index (self->places, i));

      if (other != NULL)
        remove_tag (other, CURRENT_TAG);
    }

  if (buffer != NULL)
    {
      GtkTextView *view = GTK_TEXT_VIEW (place);
      GtkTextIter start, end;
      GdkRectangle location;
      int x, y;

      gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
      gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
      gtk_text_buffer_apply_tag (buffer, ensure_tag (buffer, CURRENT_TAG), &start, &end);
      /* The cursor there too: closing the bar goes on from the match. */
      gtk_text_buffer_select_range (buffer, &start, &end);
      gtk_text_view_scroll_to_iter (view, &start, 0.2, FALSE, 0, 0);
      gtk_text_view_get_iter_location (view, &start, &location);
      gtk_text_view_buffer_to_window_coords (view, GTK_TEXT_WINDOW_WIDGET, location.x, location.y, &x, &y);
      reveal_area (place, &GRAPHENE_RECT_INIT (x, y, location.width, location.height + 24));
    }
  else
    {
      gtk_widget_set_visible (place, TRUE);
      gtk_editable_select_region (GTK_EDITABLE (place), match->start, match->end);
      reveal_area (place, &GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (place),
                                               gtk_widget_get_height (place)));
    }
}

/* The place and character offset the search goes on from: the current
 * match, else the cursor of the focused text. */
static gboolean
get_position (TrFindBar *self,
              guint     *place,
              int       *offset)
{
  GtkRoot *root;
  GtkWidget *focus;

  if (self->current >= 0)
    {
      const Match *match = &g_array_index (self->matches, Match, self->current);

      *place = match->place;
      *offset = match->start;
      return TRUE;
    }

  root = gtk_widget_get_root (GTK_WIDGET (self));
  focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  for (guint i = 0; focus != NULL && i < self->places->len; i++)
    {
      GtkWidget *candidate = g_ptr_array_index (self->places, i);
      GtkTextBuffer *buffer = place_buffer (candidate);

      if (focus != candidate && !gtk_widget_is_ancestor (focus, candidate))
        continue;
      *place = i;
      if (buffer != NULL)
        {
          GtkTextIter cursor;

          gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
          *offset = gtk_text_iter_get_offset (&cursor);
        }
      else
        *offset = gtk_editable_get_position (GTK_EDITABLE (candidate));
      return TRUE;
    }
  return FALSE;
}

static int
first_match_from (TrFindBar *self,
                  guint      place,
                  int        offset)
{
  for (guint i = 0; i < self->matches->len; i++)
    {
      const Match *match = &g_array_index (self->matches, Match, i);

      if (match->place > place || (match->place == place && match->start >= offset))
        return i;
    }
  return self->matches->len > 0 ? 0 : -1;
}

/* Finds every match again. With @keep_position the current match stays
 * where it was (the text around it changed); otherwise the search starts
 * over from the cursor (the needle changed). */
static void
refresh (TrFindBar *self,
         gboolean   keep_position)
{
  const char *needle = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree gunichar *folded = NULL;
  glong needle_len = 0;
  guint place = self->origin_place;
  int offset = self->origin_offset;
  gboolean has_position = self->has_origin;

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_free (self->needle);
  self->needle = g_strdup (needle);

  if (keep_position && self->current >= 0)
    has_position = get_position (self, &place, &offset);

  clear_highlights (self);
  g_array_set_size (self->matches, 0);
  self->current = -1;

  if (needle[0] != '\0' && tr_find_bar_is_open (self))
    {
      folded = fold_needle (needle, &needle_len);
      for (guint i = 0; i < self->places->len; i++)
        {
          GtkWidget *candidate = g_ptr_array_index (self->places, i);
          GtkTextBuffer *buffer = place_buffer (candidate);
          g_autofree char *text = NULL;
          guint first = self->matches->len;
          GtkTextTag *tag;

          /* A hidden row holds nothing the user could see. */
          if (buffer == NULL && !gtk_widget_get_visible (candidate))
            continue;
          text = place_dup_text (candidate);
          find_in_text (text, folded, needle_len, i, self->matches);
          if (buffer == NULL || first == self->matches->len)
            continue;
          tag = ensure_tag (buffer, MATCH_TAG);
          for (guint m = first; m < self->matches->len; m++)
            {
              const Match *match = &g_array_index (self->matches, Match, m);
              GtkTextIter start, end;

              gtk_text_buffer_get_iter_at_offset (buffer, &start, match->start);
              gtk_text_buffer_get_iter_at_offset (buffer, &end, match->end);
              gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
            }
        }
    }

  if (self->matches->len > 0)
    self->current = has_position ? first_match_from (self, place, offset) : 0;
  show_current (self);
}

static gboolean
refresh_timeout (gpointer user_data)
{
  TrFindBar *self = user_data;

  self->refresh_id = 0;
  refresh (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
place_changed (TrFindBar *self)
{
  if (self->replacing || !tr_find_bar_is_open (self))
    return;
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_timeout, self);
}

static void
search_changed (TrFindBar *self)
{
  /* Already searched, by tr_find_bar_update() or a step. */
  if (g_strcmp0 (self->needle, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) == 0)
    return;
  refresh (self, FALSE);
}

static void
step (TrFindBar *self,
      int        direction)
{
  /* Typed faster than the entry's delay: that search first. */
  if (g_strcmp0 (self->needle, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    refresh (self, FALSE);
  /* A change not counted yet: count it first. */
  else if (self->refresh_id != 0)
    refresh (self, TRUE);
  if (self->matches->len == 0)
    return;
  if (self->current < 0)
    self->current = 0;
  else
    self->current = (self->current + direction + (int) self->matches->len) % (int) self->matches->len;
  show_current (self);
}

static void
search_activated (TrFindBar *self)
{
  step (self, 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  step (TR_FIND_BAR (widget), 1);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  step (TR_FIND_BAR (widget), -1);
}

static void
replace_in_place (GtkWidget  *place,
                  int         start,
                  int         end,
                  const char *replacement)
{
  GtkTextBuffer *buffer = place_buffer (place);

  if (buffer != NULL)
    {
      GtkTextIter from, to;

      gtk_text_buffer_get_iter_at_offset (buffer, &from, start);
      gtk_text_buffer_get_iter_at_offset (buffer, &to, end);
      gtk_text_buffer_delete (buffer, &from, &to);
      gtk_text_buffer_insert (buffer, &from, replacement, -1);
    }
  else
    {
      int position = start;

      gtk_editable_delete_text (GTK_EDITABLE (place), start, end);
      gtk_editable_insert_text (GTK_EDITABLE (place), replacement, -1, &position);
    }
}

static void
replace_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  TrFindBar *self = TR_FIND_BAR (widget);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  Match match;
  GtkWidget *place;
  GtkTextBuffer *buffer;

  if (self->refresh_id != 0)
    refresh (self, TRUE);
  if (self->current < 0)
    return;

  match = g_array_index (self->matches, Match, self->current);
  place = g_ptr_array_index (self->places, match.place);
  if (!place_is_editable (place))
    {
      step (self, 1);
      return;
    }

  buffer = place_buffer (place);
  self->replacing = TRUE;
  if (buffer != NULL)
    gtk_text_buffer_begin_user_action (buffer);
  replace_in_place (place, match.start, match.end, replacement);
  if (buffer != NULL)
    gtk_text_buffer_end_user_action (buffer);
  self->replacing = FALSE;

  /* On to the next match, after the replacement. */
  self->current = -1;
  refresh (self, FALSE);
  if (self->matches->len > 0)
    {
      self->current = first_match_from (self, match.place, match.start + g_utf8_strlen (replacement, -1));
      show_current (self);
    }
}

static void
replace_activated (TrFindBar *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "find.replace", NULL);
}

static void
replace_all_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  TrFindBar *self = TR_FIND_BAR (widget);
  const char *replacement = gtk_editable_get_text (GTK_EDITABLE (self->replace_entry));
  g_autofree char *message = NULL;
  guint replaced = 0;

  refresh (self, TRUE);
  if (self->matches->len == 0)
    return;

  self->replacing = TRUE;
  /* From the last match back, so that the offsets of those before stay
   * true; each text is one undo step. */
  for (guint m = self->matches->len; m > 0; )
    {
      const Match *last = &g_array_index (self->matches, Match, m - 1);
      GtkWidget *place = g_ptr_array_index (self->places, last->place);
      GtkTextBuffer *buffer = place_buffer (place);
      guint place_index = last->place;

      if (!place_is_editable (place))
        {
          while (m > 0 && g_array_index (self->matches, Match, m - 1).place == place_index)
            m--;
          continue;
        }
      if (buffer != NULL)
        gtk_text_buffer_begin_user_action (buffer);
      while (m > 0 && g_array_index (self->matches, Match, m - 1).place == place_index)
        {
          const Match *match = &g_array_index (self->matches, Match, m - 1);

          replace_in_place (place, match->start, match->end, replacement);
          replaced++;
          m--;
        }
      if (buffer != NULL)
        gtk_text_buffer_end_user_action (buffer);
    }
  self->replacing = FALSE;

  self->current = -1;
  refresh (self, FALSE);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u match replaced", "%u matches replaced", replaced),
                             replaced);
  gtk_label_set_text (self->count_label, message);
}

static void
close_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  tr_find_bar_close (TR_FIND_BAR (widget));
}

static void
search_mode_changed (TrFindBar *self)
{
  if (gtk_search_bar_get_search_mode (self->search_bar))
    return;
  /* Closed by its button or Escape: the text goes on from the match. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  clear_highlights (self);
  if (self->current >= 0)
    {
      const Match *match = &g_array_index (self->matches, Match, self->current);

      gtk_widget_grab_focus (g_ptr_array_index (self->places, match->place));
    }
  g_array_set_size (self->matches, 0);
  self->current = -1;
}

static void
replace_toggled (TrFindBar *self)
{
  gboolean replace = gtk_toggle_button_get_active (self->replace_toggle);

  gtk_revealer_set_reveal_child (self->replace_revealer, replace);
  if (replace)
    gtk_widget_grab_focus (GTK_WIDGET (self->replace_entry));
}

static void
tr_find_bar_dispose (GObject *object)
{
  TrFindBar *self = TR_FIND_BAR (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->reveal_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick_id);
      self->reveal_tick_id = 0;
    }
  if (self->places != NULL)
    {
      for (guint i = 0; i < self->places->len; i++)
        {
          GtkWidget *place = g_ptr_array_index (self->places, i);
          GObject *source = place_buffer (place) != NULL ? G_OBJECT (place_buffer (place)) : G_OBJECT (place);

          g_signal_handlers_disconnect_by_data (source, self);
        }
      g_clear_pointer (&self->places, g_ptr_array_unref);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_FIND_BAR);
  tr_widget_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (tr_find_bar_parent_class)->dispose (object);
}

static void
tr_find_bar_finalize (GObject *object)
{
  TrFindBar *self = TR_FIND_BAR (object);

  g_array_unref (self->matches);
  g_free (self->needle);

  G_OBJECT_CLASS (tr_find_bar_parent_class)->finalize (object);
}

static void
tr_find_bar_class_init (TrFindBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_find_bar_dispose;
  object_class->finalize = tr_find_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/editor/tr-find-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, TrFindBar, search_bar);
  gtk_widget_class_bind_template_child (widget_class, TrFindBar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, TrFindBar, count_label);
  gtk_widget_class_bind_template_child (widget_class, TrFindBar, replace_toggle);
  gtk_widget_class_bind_template_child (widget_class, TrFindBar, replace_revealer);
  gtk_widget_class_bind_template_child (widget_class, TrFindBar, replace_entry);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "findbar");

  gtk_widget_class_install_action (widget_class, "find.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "find.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "find.replace", NULL, replace_action);
  gtk_widget_class_install_action (widget_class, "find.replace-all", NULL, replace_all_action);
  gtk_widget_class_install_action (widget_class, "find.close", NULL, close_action);

  /* As in GNOME Text Editor. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK, "find.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_g, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "find.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_SHIFT_MASK, "find.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_SHIFT_MASK, "find.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "find.close", NULL);
}

static void
tr_find_bar_init (TrFindBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->places = g_ptr_array_new_with_free_func (g_object_unref);
  self->matches = g_array_new (FALSE, FALSE, sizeof (Match));
  self->current = -1;

  /* Not gtk_search_bar_connect_entry(): closing would empty the entry,
   * and the search, before the bar could hand the focus back at the match. */
  g_signal_connect_object (self->search_entry, "stop-search", G_CALLBACK (tr_find_bar_close),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "search-changed", G_CALLBACK (search_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_entry, "activate", G_CALLBACK (search_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->replace_entry, "activate", G_CALLBACK (replace_activated),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->search_bar, "notify::search-mode-enabled",
                           G_CALLBACK (search_mode_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->replace_toggle, "toggled", G_CALLBACK (replace_toggled),
                           self, G_CONNECT_SWAPPED);
  update_count_label (self);
}

GtkWidget *
tr_find_bar_new (void)
{
  return g_object_new (TR_TYPE_FIND_BAR, NULL);
}

void
tr_find_bar_add_text_view (TrFindBar   *self,
                           GtkTextView *text_view)
{
  g_return_if_fail (TR_IS_FIND_BAR (self));
  g_return_if_fail (GTK_IS_TEXT_VIEW (text_view));

  g_ptr_array_add (self->places, g_object_ref (text_view));
  g_signal_connect_object (gtk_text_view_get_buffer (text_view), "changed",
                           G_CALLBACK (place_changed), self, G_CONNECT_SWAPPED);
}

void
tr_find_bar_add_editable (TrFindBar   *self,
                          GtkEditable *editable)
{
  g_return_if_fail (TR_IS_FIND_BAR (self));
  g_return_if_fail (GTK_IS_EDITABLE (editable));

  g_ptr_array_add (self->places, g_object_ref (editable));
  g_signal_connect_object (editable, "changed", G_CALLBACK (place_changed), self, G_CONNECT_SWAPPED);
}

void
tr_find_bar_clear_places (TrFindBar *self)
{
  g_return_if_fail (TR_IS_FIND_BAR (self));

  clear_highlights (self);
  for (guint i = 0; i < self->places->len; i++)
    {
      GtkWidget *place = g_ptr_array_index (self->places, i);
      GObject *source = place_buffer (place) != NULL ? G_OBJECT (place_buffer (place)) : G_OBJECT (place);

      g_signal_handlers_disconnect_by_data (source, self);
    }
  g_ptr_array_set_size (self->places, 0);
  g_array_set_size (self->matches, 0);
  self->current = -1;
  self->has_origin = FALSE;
  /* Searched again in the places added next. */
  place_changed (self);
}

static char *
dup_focused_selection (TrFindBar *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  for (guint i = 0; focus != NULL && i < self->places->len; i++)
    {
      GtkWidget *place = g_ptr_array_index (self->places, i);
      GtkTextBuffer *buffer = place_buffer (place);
      GtkTextIter start, end;
      int from, to;

      if (focus != place && !gtk_widget_is_ancestor (focus, place))
        continue;
      if (buffer != NULL && gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
      if (buffer == NULL && gtk_editable_get_selection_bounds (GTK_EDITABLE (place), &from, &to))
        return gtk_editable_get_chars (GTK_EDITABLE (place), from, to);
      return NULL;
    }
  return NULL;
}

void
tr_find_bar_open (TrFindBar *self,
                  gboolean   replace)
{
  g_autofree char *selection = NULL;

  g_return_if_fail (TR_IS_FIND_BAR (self));

  selection = dup_focused_selection (self);
  /* A selection over lines is a passage to read, not a word to find. */
  if (selection != NULL && strchr (selection, '\n') == NULL)
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), selection);

  if (replace)
    gtk_toggle_button_set_active (self->replace_toggle, TRUE);
  if (!gtk_search_bar_get_search_mode (self->search_bar))
    {
      self->current = -1;
      self->has_origin = get_position (self, &self->origin_place, &self->origin_offset);
      gtk_search_bar_set_search_mode (self->search_bar, TRUE);
      refresh (self, FALSE);
    }
  if (!replace || gtk_editable_get_text (GTK_EDITABLE (self->search_entry))[0] == '\0')
    {
      gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
    }
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->replace_entry));
}

static gboolean
show_after_layout (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  TrFindBar *self = TR_FIND_BAR (widget);

  /* The first tick comes before that frame's layout. */
  if (++self->frames_waited < 2)
    return G_SOURCE_CONTINUE;
  self->reveal_tick_id = 0;
  if (self->current >= 0)
    show_current (self);
  return G_SOURCE_REMOVE;
}

void
tr_find_bar_show_matches (TrFindBar  *self,
                          const char *text)
{
  g_return_if_fail (TR_IS_FIND_BAR (self));
  g_return_if_fail (text != NULL);

  self->current = -1;
  self->has_origin = FALSE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  refresh (self, FALSE);
  /* A report just opened is laid out at the next frame: scroll after it. */
  if (self->reveal_tick_id == 0)
    {
      self->frames_waited = 0;
      self->reveal_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_after_layout, NULL, NULL);
    }
}

void
tr_find_bar_close (TrFindBar *self)
{
  g_return_if_fail (TR_IS_FIND_BAR (self));

  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

gboolean
tr_find_bar_is_open (TrFindBar *self)
{
  g_return_val_if_fail (TR_IS_FIND_BAR (self), FALSE);
  return gtk_search_bar_get_search_mode (self->search_bar);
}

guint
tr_find_bar_get_n_matches (TrFindBar *self)
{
  g_return_val_if_fail (TR_IS_FIND_BAR (self), 0);
  return self->matches->len;
}

guint
tr_find_bar_get_current_match (TrFindBar *self)
{
  g_return_val_if_fail (TR_IS_FIND_BAR (self), 0);
  return self->current >= 0 ? (guint) self->current + 1 : 0;
}

GtkEditable *
tr_find_bar_get_search_entry (TrFindBar *self)
{
  g_return_val_if_fail (TR_IS_FIND_BAR (self), NULL);
  return GTK_EDITABLE (self->search_entry);
}

GtkEditable *
tr_find_bar_get_replace_entry (TrFindBar *self)
{
  g_return_val_if_fail (TR_IS_FIND_BAR (self), NULL);
  return GTK_EDITABLE (self->replace_entry);
}

GtkLabel *
tr_find_bar_get_count_label (TrFindBar *self)
{
  g_return_val_if_fail (TR_IS_FIND_BAR (self), NULL);
  return self->count_label;
}

void
tr_find_bar_update (TrFindBar *self)
{
  g_return_if_fail (TR_IS_FIND_BAR (self));
  refresh (self, TRUE);
}
