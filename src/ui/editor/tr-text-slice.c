/* tr-text-slice.c
 *
 * The report scrolls as one page: a section is as tall as its text, and
 * nothing scrolls inside it. A GtkTextView allocated the full height of a
 * 300-page section would lay out and draw every line on each frame, so the
 * slice hands it, as a GtkScrolledWindow would, only the part of the
 * section the page's scrolled window shows, and scrolls it to that part.
 * The text view keeps validating lazily, and the slice measures as tall as
 * the text view's (estimated, then exact) height.
 *
 * When the text view wants to scroll itself (the cursor moved out of
 * sight, a selection dragged to an edge), the page is scrolled instead,
 * to the insertion cursor; so is it as the user types or pastes.
 *
 * The text view has no top margin of its own (the slice's margin takes
 * its place): GTK 4.8 lays out the lines a text view shows from the line
 * at its scroll's value, and draws from the top margin's height above it.
 * In a long text GTK is still laying out, the lines not laid out yet are
 * 0 pixels tall, all at one place; scrolled to just below them, a text
 * view with a top margin would shape every one of them to draw them (a
 * third of a second for 300 pages, Ctrl+End and typing).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-text-slice.h"

/* Room kept above and below the cursor when the page follows it. */
#define CURSOR_MARGIN 24

struct _TrTextSlice
{
  GtkWidget parent_instance;

  GtkTextView *text_view;
  GtkAdjustment *vadjustment;   /* the text view's, set here */
  GtkAdjustment *hadjustment;

  GtkScrolledWindow *page;      /* the scrolled window around us, if any */
  GtkAdjustment *page_adjustment;

  gboolean setting_value;
  /* The text view's height when we last measured it. */
  int measured_height;
  /* Our height, as we measure: the text view's, or less while GTK lays
   * out lines below the page's part in sight (text_height_changed());
   * -1 until first measured. */
  int height;
  /* The part of us the text view was given at our last allocation. */
  int shown_first;
  int shown_last;
  guint resize_idle_id;
  /* A resize put off until GTK has laid the text out (text_height_changed()). */
  guint settled_resize_id;
  guint page_resized_tick_id;
  guint follow_tick_id;
  /* The page follows the cursor: it moved, or the text was edited, and
   * the page has not been scrolled away since. */
  gboolean following;
  /* We are scrolling the page to the cursor. */
  gboolean scrolling_page;
  /* The page's scroll when it last scrolled. */
  double page_value;
  /* Times GTK was made to lay out the lines around the cursor since it
   * last moved (lay_out_around_cursor()), and whether we are moving it. */
  guint cursor_layouts;
  gboolean putting_cursor_back;
};

G_DEFINE_FINAL_TYPE (TrTextSlice, tr_text_slice, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TEXT_VIEW,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The slice is laid out again, its parents too: as it scrolls, the text
 * view lays out lines that come into sight, and their heights change its
 * size request in the middle of the layout. Allocated alone, the slice
 * would leave its parents asking for a layout at drawing time. */
static void
relayout (TrTextSlice *self)
{
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void queue_follow (TrTextSlice *self);
static void get_shown_part (TrTextSlice *self,
                            int          height,
                            int         *out_first,
                            int         *out_last);

/* Only a slice whose part in sight changes is laid out again: one out of
 * sight, or in sight whole, stays as it is, as do the page's other
 * sections when it scrolls a long one, or grows or shrinks. */
static void
relayout_if_shown_part_changed (TrTextSlice *self)
{
  int first, last;

  get_shown_part (self, gtk_widget_get_height (GTK_WIDGET (self)), &first, &last);
  if (first != self->shown_first || last != self->shown_last)
    relayout (self);
}

static void
page_scrolled (TrTextSlice *self)
{
  double value = gtk_adjustment_get_value (self->page_adjustment);
  /* Scrolled up to where the page now ends: the page was made shorter
   * (a text laid out, another report), not scrolled by the user. */
  gboolean clamped = value < self->page_value &&
                     value == gtk_adjustment_get_upper (self->page_adjustment) -
                              gtk_adjustment_get_page_size (self->page_adjustment);

  self->page_value = value;
  if (!self->scrolling_page && !clamped)
    self->following = FALSE;
  relayout_if_shown_part_changed (self);
}

static gboolean
page_resized_tick (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  TR_TEXT_SLICE (widget)->page_resized_tick_id = 0;
  relayout_if_shown_part_changed (TR_TEXT_SLICE (widget));
  return G_SOURCE_REMOVE;
}

/* The viewport tells its new size once it has laid out its content, us
 * included: we take it into account from the next frame. */
static void
page_resized (TrTextSlice *self)
{
  if (self->page_resized_tick_id == 0)
    self->page_resized_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), page_resized_tick,
                                                               NULL, NULL);
}

/* The page grew, or shrank: the cursor it follows may be where it could
 * not scroll before (a follow runs before the layout that grows it). */
static void
page_upper_changed (TrTextSlice *self)
{
  if (self->following)
    queue_follow (self);
}

static void
set_page (TrTextSlice       *self,
          GtkScrolledWindow *page)
{
  if (self->page_adjustment != NULL)
    g_signal_handlers_disconnect_by_data (self->page_adjustment, self);
  g_clear_object (&self->page_adjustment);
  self->page = page;
  if (page == NULL)
    return;
  self->page_adjustment = g_object_ref (gtk_scrolled_window_get_vadjustment (page));
  self->page_value = gtk_adjustment_get_value (self->page_adjustment);
  g_signal_connect_object (self->page_adjustment, "value-changed", G_CALLBACK (page_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_adjustment, "notify::page-size", G_CALLBACK (page_resized), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_adjustment, "notify::upper", G_CALLBACK (page_upper_changed), self,
                           G_CONNECT_SWAPPED);
}

/* What the page scrolls, laid out from its top: a viewport's child. */
static GtkWidget *
get_page_content (TrTextSlice *self)
{
  GtkWidget *child = self->page != NULL ? gtk_scrolled_window_get_child (self->page) : NULL;

  if (child != NULL && GTK_IS_VIEWPORT (child) && gtk_viewport_get_child (GTK_VIEWPORT (child)) != NULL)
    return gtk_viewport_get_child (GTK_VIEWPORT (child));
  return child;
}

/* Our top in the page's content, whatever its scroll. */
static gboolean
get_top_in_page (TrTextSlice *self,
                 double      *out_top)
{
  GtkWidget *content = get_page_content (self);
  graphene_point_t point;

  if (content == NULL)
    return FALSE;
  if (!gtk_widget_compute_point (GTK_WIDGET (self), content, &GRAPHENE_POINT_INIT (0, 0), &point))
    return FALSE;
  *out_top = point.y;
  return TRUE;
}

/* The height the page's content will be laid out to in this frame, the
 * new heights of its text views included: its scroll's new upper bound,
 * as the viewport will set it. */
static double
get_page_content_height (TrTextSlice *self)
{
  GtkWidget *child = gtk_scrolled_window_get_child (self->page);
  GtkWidget *content = get_page_content (self);
  int minimum, natural;

  gtk_widget_measure (content, GTK_ORIENTATION_VERTICAL, gtk_widget_get_width (content), &minimum, &natural, NULL,
                      NULL);
  if (GTK_IS_SCROLLABLE (child) && gtk_scrollable_get_vscroll_policy (GTK_SCROLLABLE (child)) == GTK_SCROLL_NATURAL)
    return natural;
  return minimum;
}

/* Scrolls the page so that the insertion cursor is in sight, as far as
 * the page goes: when it has not grown with the text yet, the text view's
 * new height calls this again (text_height_changed()). */
static void
follow_cursor (TrTextSlice *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  double top, value, page_size, cursor_top, cursor_bottom;
  GdkRectangle location;
  GtkTextIter iter;

  if (self->page_adjustment == NULL || !get_top_in_page (self, &top))
    return;
  gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
  gtk_text_view_get_iter_location (self->text_view, &iter, &location);
  /* Buffer coordinates start under the top margin. */
  cursor_top = top + gtk_text_view_get_top_margin (self->text_view) + location.y;
  cursor_bottom = cursor_top + MAX (location.height, 1);

  value = gtk_adjustment_get_value (self->page_adjustment);
  page_size = gtk_adjustment_get_page_size (self->page_adjustment);
  self->scrolling_page = TRUE;
  if (cursor_top - CURSOR_MARGIN < value)
    gtk_adjustment_set_value (self->page_adjustment, cursor_top - CURSOR_MARGIN);
  else if (cursor_bottom + CURSOR_MARGIN > value + page_size)
    {
      double target = cursor_bottom + CURSOR_MARGIN - page_size;
      double upper = gtk_adjustment_get_upper (self->page_adjustment);

      /* Beyond where the page ended at its last layout: lines GTK laid
       * out above the cursor since pushed it down (Ctrl+End in a long text
       * just opened). Held at that end, the page would show text screens
       * above the cursor in each frame until GTK is done, one frame behind
       * it. Its bounds are set now to what its layout in this frame will
       * give it, and it scrolls to the cursor in this frame. */
      if (target > upper - page_size)
        gtk_adjustment_set_upper (self->page_adjustment, MAX (upper, get_page_content_height (self)));
      gtk_adjustment_set_value (self->page_adjustment, target);
    }
  self->scrolling_page = FALSE;
}

static gboolean
follow_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       user_data)
{
  TrTextSlice *self = TR_TEXT_SLICE (widget);

  /* Focus: its window's, whether the window is active or not. */
  self->follow_tick_id = 0;
  if (gtk_widget_is_focus (GTK_WIDGET (self->text_view)))
    follow_cursor (self);
  return G_SOURCE_REMOVE;
}

/* Only the text being edited leads the page: another one adjusting
 * itself as it is laid out must not pull the page away. */
static void
queue_follow (TrTextSlice *self)
{
  if (!gtk_widget_is_focus (GTK_WIDGET (self->text_view)))
    return;
  if (self->follow_tick_id == 0 && self->page != NULL)
    self->follow_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), follow_tick, NULL, NULL);
}

static void
cursor_moved (TrTextSlice *self)
{
  if (!self->putting_cursor_back)
    self->cursor_layouts = 0;
  self->following = TRUE;
  queue_follow (self);
}

static void
mark_set (GtkTextBuffer *buffer,
          GtkTextIter   *location,
          GtkTextMark   *mark,
          TrTextSlice   *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    cursor_moved (self);
}

/* The text view scrolled itself: the page scrolls to the cursor instead. */
static void
text_view_scrolled (TrTextSlice *self)
{
  if (self->setting_value)
    return;
  relayout (self);
  queue_follow (self);
}

static gboolean
resize_later (gpointer user_data)
{
  TrTextSlice *self = user_data;

  self->resize_idle_id = 0;
  gtk_widget_queue_resize (GTK_WIDGET (self));
  return G_SOURCE_REMOVE;
}

/* Whether the page shows nothing below @height pixels of us, our bottom
 * out of sight below it whether we are @height tall or as tall as now. */
static gboolean
bottom_out_of_sight (TrTextSlice *self,
                     int          height)
{
  double top;

  if (self->page_adjustment == NULL || !get_top_in_page (self, &top))
    return FALSE;
  return top + MIN (height, gtk_widget_get_height (GTK_WIDGET (self))) >
         gtk_adjustment_get_value (self->page_adjustment) + gtk_adjustment_get_page_size (self->page_adjustment);
}

/* Whether the page may wait to grow to @height: our bottom out of sight
 * below it, and the cursor, if the text is being edited, within what it
 * has already (whether the page follows it or not: a page made shorter
 * scrolls up by itself). */
static gboolean
may_wait_to_grow (TrTextSlice *self,
                  int          height)
{
  if (self->height < 0 || !bottom_out_of_sight (self, height))
    return FALSE;
  if (gtk_widget_is_focus (GTK_WIDGET (self->text_view)))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
      GdkRectangle location;
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      gtk_text_view_get_iter_location (self->text_view, &iter, &location);
      if (gtk_text_view_get_top_margin (self->text_view) + location.y + location.height + CURSOR_MARGIN > self->height)
        return FALSE;
    }
  return TRUE;
}

/* GTK is done laying the text out: we take the text view's height, and
 * the page follows the cursor if it went further than the page did
 * meanwhile (a match found further down). */
static gboolean
resize_when_settled (gpointer user_data)
{
  TrTextSlice *self = user_data;

  self->settled_resize_id = 0;
  gtk_widget_measure (GTK_WIDGET (self->text_view), GTK_ORIENTATION_VERTICAL, -1, NULL, &self->height, NULL,
                      NULL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  if (self->following)
    queue_follow (self);
  return G_SOURCE_REMOVE;
}

/* After GTK's layout idles (GTK_TEXT_VIEW_PRIORITY_VALIDATE) and the
 * frames: once nothing else is to be done. */
static void
queue_settled_resize (TrTextSlice *self)
{
  if (self->settled_resize_id == 0)
    self->settled_resize_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, resize_when_settled, self, NULL);
}

/* Our height for the text view's @height: kept as it is while the change
 * is out of sight below the page (text_height_changed()). */
static void
update_height (TrTextSlice *self,
               int          height)
{
  if (height == self->height)
    return;
  if (may_wait_to_grow (self, height))
    {
      queue_settled_resize (self);
      return;
    }
  self->height = height;
}

/* Lines laid out for the first time, text typed or loaded: the page makes
 * room. Not while it is being laid out (the text view lays out what comes
 * into sight as it is allocated): then from the next frame.
 *
 * GTK lays a long text out from its idles, 2000 pixels of lines at a time,
 * each making the text taller. Lines below the page's part in sight change
 * nothing on screen: growing the page for each would allocate the page's
 * content anew and redraw its scroll bar every few milliseconds until the
 * whole text is laid out. The page grows once GTK is done, or as soon as
 * our bottom comes into sight. */
static void
text_height_changed (TrTextSlice *self)
{
  int height;

  /* The text view's upper is never less than the part it shows: what
   * counts is the height of its text. */
  gtk_widget_measure (GTK_WIDGET (self->text_view), GTK_ORIENTATION_VERTICAL, -1, NULL, &height, NULL, NULL);
  if (height == self->measured_height)
    return;
  self->measured_height = height;
  if (may_wait_to_grow (self, height))
    {
      queue_settled_resize (self);
      return;
    }
  /* Lines just typed or pasted, laid out only now, may have pushed the
   * cursor further down, and so may lines above it that GTK lays out from
   * idles (Ctrl+End in a long text just loaded), however long that takes;
   * not once the user has scrolled the page away (a long text loading
   * must not pull the page back to the cursor). */
  if (self->following)
    queue_follow (self);
  if (!self->setting_value)
    gtk_widget_queue_resize (GTK_WIDGET (self));
  else if (self->resize_idle_id == 0)
    self->resize_idle_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, resize_later, self, NULL);
}

static void
buffer_changed (TrTextSlice *self)
{
  cursor_moved (self);
}

static void
disconnect_buffer (TrTextSlice   *self,
                   GtkTextBuffer *buffer)
{
  if (buffer != NULL)
    g_signal_handlers_disconnect_by_data (buffer, self);
}

static void
text_view_buffer_changed (GtkTextView *text_view,
                          GParamSpec  *pspec,
                          TrTextSlice *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (text_view);

  g_signal_connect_object (buffer, "mark-set", G_CALLBACK (mark_set), self, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (buffer_changed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

void
tr_text_slice_set_text_view (TrTextSlice *self,
                             GtkTextView *text_view)
{
  g_return_if_fail (TR_IS_TEXT_SLICE (self));
  g_return_if_fail (text_view == NULL || GTK_IS_TEXT_VIEW (text_view));
  g_warn_if_fail (text_view == NULL || gtk_text_view_get_top_margin (text_view) == 0);

  if (self->text_view == text_view)
    return;
  if (self->text_view != NULL)
    {
      disconnect_buffer (self, gtk_text_view_get_buffer (self->text_view));
      g_signal_handlers_disconnect_by_data (self->text_view, self);
      gtk_widget_unparent (GTK_WIDGET (self->text_view));
    }
  self->text_view = text_view;
  if (text_view == NULL)
    return;

  gtk_widget_set_parent (GTK_WIDGET (text_view), GTK_WIDGET (self));
  gtk_scrollable_set_vadjustment (GTK_SCROLLABLE (text_view), self->vadjustment);
  gtk_scrollable_set_hadjustment (GTK_SCROLLABLE (text_view), self->hadjustment);
  g_signal_connect_object (text_view, "notify::buffer", G_CALLBACK (text_view_buffer_changed), self, 0);
  text_view_buffer_changed (text_view, NULL, self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT_VIEW]);
}

GtkTextView *
tr_text_slice_get_text_view (TrTextSlice *self)
{
  g_return_val_if_fail (TR_IS_TEXT_SLICE (self), NULL);
  return self->text_view;
}

static void
tr_text_slice_measure (GtkWidget      *widget,
                       GtkOrientation  orientation,
                       int             for_size,
                       int            *minimum,
                       int            *natural,
                       int            *minimum_baseline,
                       int            *natural_baseline)
{
  TrTextSlice *self = TR_TEXT_SLICE (widget);

  if (self->text_view == NULL)
    return;
  /* Vertically, the whole text's height: a text view measures so. */
  gtk_widget_measure (GTK_WIDGET (self->text_view), orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      self->measured_height = *natural;
      update_height (self, *natural);
      *minimum = *natural = self->height;
    }
}

/* The part of a slice @height tall that the page shows, in whole pixels;
 * out of sight, one line's worth at the nearest edge, so that the cursor,
 * and the input method, still have a place. */
static void
get_shown_part (TrTextSlice *self,
                int          height,
                int         *out_first,
                int         *out_last)
{
  double top = 0, first = 0, last = height;

  if (self->page_adjustment != NULL && get_top_in_page (self, &top))
    {
      double value = gtk_adjustment_get_value (self->page_adjustment);
      double page_size = gtk_adjustment_get_page_size (self->page_adjustment);

      first = CLAMP (value - top, 0, height);
      last = CLAMP (value + page_size - top, 0, height);
    }
  if (last - first < 1)
    {
      first = MIN (first, MAX (height - 1, 0));
      last = MIN (first + 1, height);
    }
  *out_first = (int) floor (first);
  *out_last = (int) ceil (last);
}

/* Whether the page follows a cursor that GTK has not laid out yet, or
 * not the page's height of lines above it. */
static gboolean
cursor_not_laid_out (TrTextSlice *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  double page_size;
  GtkTextIter line;
  int above = 0;

  if (!self->following || self->page_adjustment == NULL || !gtk_widget_is_focus (GTK_WIDGET (self->text_view)))
    return FALSE;
  page_size = gtk_adjustment_get_page_size (self->page_adjustment);
  gtk_text_buffer_get_iter_at_mark (buffer, &line, gtk_text_buffer_get_insert (buffer));
  do
    {
      int y, height;

      /* A line GTK has not laid out yet is 0 pixels tall. */
      gtk_text_view_get_line_yrange (self->text_view, &line, &y, &height);
      if (height == 0)
        return TRUE;
      above += height;
    }
  while (above < page_size && gtk_text_iter_backward_line (&line));
  return FALSE;
}

/* GTK lays a long text out from its top, from idles, and at each frame
 * the lines the text view shows. Around another place only as the text
 * view scrolls itself there: it lays out the lines twice its height above
 * and below the place, for the height it has at that moment.
 *
 * The cursor sent far into a text GTK is still laying out (Ctrl+End, a
 * match, a comment) made it scroll so while the text view was a few
 * pixels tall, or not allocated yet in a report just opened: nothing
 * around the cursor was laid out. The page, following the cursor, then
 * showed the lines not laid out yet above it (0 pixels tall, all at one
 * place) at its bottom edge, and GTK laid them out one a frame, each
 * pushing the cursor a line further down and the page after it: frames
 * back to back that kept GTK's own layout idles from running, for tens of
 * seconds in a 300-page text, the cursor out of sight all along.
 *
 * So the text view, now at least as tall as the page, scrolls itself to
 * the cursor again. GTK does that as it is allocated, when its layout was
 * invalidated meanwhile, which putting the cursor back where it is does.
 * The page follows the cursor from the next frame. */
static void
lay_out_around_cursor (TrTextSlice *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextMark *insert = gtk_text_buffer_get_insert (buffer);
  GtkTextIter cursor;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, insert);
  gtk_text_view_scroll_mark_onscreen (self->text_view, insert);
  self->putting_cursor_back = TRUE;
  gtk_text_buffer_move_mark (buffer, insert, &cursor);
  self->putting_cursor_back = FALSE;
  self->cursor_layouts++;
  /* Allocated again, even at the size it has. */
  gtk_widget_queue_allocate (GTK_WIDGET (self->text_view));
}

static void
tr_text_slice_size_allocate (GtkWidget *widget,
                             int        width,
                             int        height,
                             int        baseline)
{
  TrTextSlice *self = TR_TEXT_SLICE (widget);
  int first, last, text_height, shown_height;
  gboolean relay_out;

  if (self->text_view == NULL)
    return;

  get_shown_part (self, height, &first, &last);
  self->shown_first = first;
  self->shown_last = last;
  /* A text view scrolled down cannot show more than its text: given the
   * part in sight of a slice taller than its text, it would scroll back
   * up within it, and its text would slide down the slice as the page
   * scrolls. A text shorter than the least height we keep is shown from
   * our top, whole, where it is, the space below it too (a click there is
   * the text view's); a text just made shorter than we are yet, only
   * where it reaches. */
  gtk_widget_measure (GTK_WIDGET (self->text_view), GTK_ORIENTATION_VERTICAL, -1, NULL, &text_height, NULL, NULL);
  if (last > text_height)
    {
      int least;

      gtk_widget_get_size_request (widget, NULL, &least);
      if (text_height <= least)
        first = 0;
      else
        {
          last = MAX (text_height, 1);
          first = MIN (first, last - 1);
        }
    }
  /* The cursor sent far into a text GTK is still laying out: GTK lays
   * out the lines around it as the text view is allocated, as tall as
   * the page at least (lay_out_around_cursor()). A few times a cursor
   * move: the first may be spent on a new width, which GTK lays out
   * before anything else; were the lines never laid out, each frame
   * would ask for another. */
  shown_height = last - first;
  relay_out = self->cursor_layouts < 3 && cursor_not_laid_out (self);
  if (relay_out)
    shown_height = MAX (shown_height, (int) ceil (gtk_adjustment_get_page_size (self->page_adjustment)));

  self->setting_value = TRUE;
  gtk_adjustment_configure (self->vadjustment, first, 0, height, shown_height * 0.1, shown_height * 0.9,
                            shown_height);
  /* Only now: scrolled, the text view drops the layout GTK has pending. */
  if (relay_out)
    lay_out_around_cursor (self);
  gtk_widget_allocate (GTK_WIDGET (self->text_view), width, shown_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, first)));
  /* The text view keeps its first line where the page put it; when it
   * wanted another (the cursor out of sight), the page follows the cursor. */
  if (gtk_adjustment_get_value (self->vadjustment) != first)
    {
      gtk_adjustment_set_value (self->vadjustment, first);
      queue_follow (self);
    }
  /* A text view lays out the lines it shows when it scrolls, for the
   * height it has then, and not when it is only resized: told now, with
   * its new height. Otherwise lines not laid out yet, all of height 0, sit
   * at one place in what it shows, and it shapes every one of them to
   * draw them (a 300-page text loaded and the cursor sent to its end).
   * It then moves its children: allocated again, so that it is drawn
   * with its allocation. */
  g_signal_emit_by_name (self->vadjustment, "value-changed");
  gtk_widget_allocate (GTK_WIDGET (self->text_view), width, shown_height, -1,
                       gsk_transform_translate (NULL, &GRAPHENE_POINT_INIT (0, first)));
  self->setting_value = FALSE;
}

static void
tr_text_slice_root (GtkWidget *widget)
{
  TrTextSlice *self = TR_TEXT_SLICE (widget);

  GTK_WIDGET_CLASS (tr_text_slice_parent_class)->root (widget);
  set_page (self, GTK_SCROLLED_WINDOW (gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW)));
}

static void
tr_text_slice_unroot (GtkWidget *widget)
{
  TrTextSlice *self = TR_TEXT_SLICE (widget);

  set_page (self, NULL);
  if (self->follow_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->follow_tick_id);
      self->follow_tick_id = 0;
    }
  if (self->page_resized_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (widget, self->page_resized_tick_id);
      self->page_resized_tick_id = 0;
    }
  GTK_WIDGET_CLASS (tr_text_slice_parent_class)->unroot (widget);
}

static void
tr_text_slice_dispose (GObject *object)
{
  TrTextSlice *self = TR_TEXT_SLICE (object);

  tr_text_slice_set_text_view (self, NULL);
  set_page (self, NULL);
  g_clear_handle_id (&self->resize_idle_id, g_source_remove);
  g_clear_handle_id (&self->settled_resize_id, g_source_remove);

  G_OBJECT_CLASS (tr_text_slice_parent_class)->dispose (object);
}

static void
tr_text_slice_finalize (GObject *object)
{
  TrTextSlice *self = TR_TEXT_SLICE (object);

  g_clear_object (&self->vadjustment);
  g_clear_object (&self->hadjustment);

  G_OBJECT_CLASS (tr_text_slice_parent_class)->finalize (object);
}

static void
tr_text_slice_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT_VIEW:
      g_value_set_object (value, TR_TEXT_SLICE (object)->text_view);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_text_slice_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  switch (prop_id)
    {
    case PROP_TEXT_VIEW:
      tr_text_slice_set_text_view (TR_TEXT_SLICE (object), g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_text_slice_class_init (TrTextSliceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = tr_text_slice_get_property;
  object_class->set_property = tr_text_slice_set_property;
  properties[PROP_TEXT_VIEW] =
    g_param_spec_object ("text-view", NULL, NULL, GTK_TYPE_TEXT_VIEW,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  object_class->dispose = tr_text_slice_dispose;
  object_class->finalize = tr_text_slice_finalize;
  widget_class->measure = tr_text_slice_measure;
  widget_class->size_allocate = tr_text_slice_size_allocate;
  widget_class->root = tr_text_slice_root;
  widget_class->unroot = tr_text_slice_unroot;
}

static void
tr_text_slice_init (TrTextSlice *self)
{
  self->height = -1;
  self->measured_height = -1;
  self->vadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  self->hadjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 0, 0, 0, 0));
  g_signal_connect_object (self->vadjustment, "value-changed", G_CALLBACK (text_view_scrolled), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->vadjustment, "notify::upper", G_CALLBACK (text_height_changed), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
}

GtkWidget *
tr_text_slice_new (void)
{
  return g_object_new (TR_TYPE_TEXT_SLICE, NULL);
}
