/* tr-table-editor.c
 *
 * Each cell is a small text view, so a cell takes line breaks (Enter);
 * what is typed in it is undone with the rest of its section
 * (tr-section-history.c). Tab and Shift+Tab move from
 * cell to cell, as in a word processor; Tab in the last cell adds a row.
 * A change of shape (a row, a column, the header) touches only the cells
 * it concerns, so that adding a row to a long schedule stays instant.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n.h>

#include "tr-table-editor.h"
#include "tr-widget-util.h"

struct _TrTableEditor
{
  GtkWidget parent_instance;

  TrTable *table;
  gboolean editable;
  /* Cell text or caption being put into the widgets: not an edit. */
  gboolean syncing;
  guint current_row;
  guint current_column;
  /* Bringing the current cell into the page's sight once laid out, and
   * the frames waited for that so far. */
  guint show_cell_tick_id;
  guint show_cell_frames;

  GSimpleAction *has_header_action;

  GtkEntry *caption_entry;
  GtkMenuButton *menu_button;
  GtkGrid *grid;
};

G_DEFINE_FINAL_TYPE (TrTableEditor, tr_table_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_EDITABLE,
  PROP_HAS_HEADER,
  N_PROPS
};

enum {
  WILL_CHANGE,
  RESHAPED,
  DELETE_REQUESTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkTextView *
tr_table_editor_get_cell_view (TrTableEditor *self,
                               guint          row,
                               guint          column)
{
  g_return_val_if_fail (TR_IS_TABLE_EDITOR (self), NULL);

  return GTK_TEXT_VIEW (gtk_grid_get_child_at (self->grid, column, row));
}

GtkWidget *
tr_table_editor_get_caption_entry (TrTableEditor *self)
{
  g_return_val_if_fail (TR_IS_TABLE_EDITOR (self), NULL);

  return GTK_WIDGET (self->caption_entry);
}

void
tr_table_editor_append_texts (TrTableEditor *self,
                              GPtrArray     *out)
{
  g_return_if_fail (TR_IS_TABLE_EDITOR (self));

  g_ptr_array_add (out, self->caption_entry);
  for (guint row = 0; row < tr_table_get_n_rows (self->table); row++)
    for (guint column = 0; column < tr_table_get_n_columns (self->table); column++)
      g_ptr_array_add (out, gtk_grid_get_child_at (self->grid, column, row));
}

static gboolean
cell_position (TrTableEditor *self,
               GtkWidget     *cell,
               guint         *out_row,
               guint         *out_column)
{
  int column, row;

  if (cell == NULL || gtk_widget_get_parent (cell) != GTK_WIDGET (self->grid))
    return FALSE;
  gtk_grid_query_child (self->grid, cell, &column, &row, NULL, NULL);
  *out_row = row;
  *out_column = column;
  return TRUE;
}

gboolean
tr_table_editor_find_cell (TrTableEditor *self,
                           GtkTextView   *view,
                           guint         *out_row,
                           guint         *out_column)
{
  g_return_val_if_fail (TR_IS_TABLE_EDITOR (self), FALSE);

  return cell_position (self, GTK_WIDGET (view), out_row, out_column);
}

static void
cell_changed (GtkTextBuffer *buffer,
              TrTableEditor *self)
{
  GtkWidget *cell = g_object_get_data (G_OBJECT (buffer), "tr-cell");
  g_autofree char *text = NULL;
  GtkTextIter start, end;
  guint row, column;

  if (self->syncing || !cell_position (self, cell, &row, &column))
    return;
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  tr_table_set_cell (self->table, row, column, text);
}

static void
cell_focus_changed (GtkWidget     *cell,
                    GParamSpec    *pspec,
                    TrTableEditor *self)
{
  if (gtk_widget_has_focus (cell))
    cell_position (self, cell, &self->current_row, &self->current_column);
}

static void
update_header_style (TrTableEditor *self)
{
  gboolean has_header = tr_table_get_has_header (self->table);

  for (guint column = 0; column < tr_table_get_n_columns (self->table); column++)
    {
      GtkWidget *cell = gtk_grid_get_child_at (self->grid, column, 0);

      if (cell == NULL)
        continue;
      if (has_header)
        gtk_widget_add_css_class (cell, "header");
      else
        gtk_widget_remove_css_class (cell, "header");
    }
  for (guint row = 1; row < tr_table_get_n_rows (self->table); row++)
    for (guint column = 0; column < tr_table_get_n_columns (self->table); column++)
      {
        GtkWidget *cell = gtk_grid_get_child_at (self->grid, column, row);

        if (cell != NULL)
          gtk_widget_remove_css_class (cell, "header");
      }
}

/* The cell at @row, @column, with the table's text in it, attached to
 * the grid where it belongs. */
static void
add_cell (TrTableEditor *self,
          guint          row,
          guint          column)
{
  GtkWidget *view = gtk_text_view_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));

  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), self->editable);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 4);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 4);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 8);
  gtk_widget_set_hexpand (view, TRUE);
  gtk_widget_add_css_class (view, "cell");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Table cell"), -1);

  /* Loading the cell is not something to undo. */
  self->syncing = TRUE;
  gtk_text_buffer_begin_irreversible_action (buffer);
  gtk_text_buffer_set_text (buffer, tr_table_get_cell (self->table, row, column), -1);
  gtk_text_buffer_end_irreversible_action (buffer);
  self->syncing = FALSE;

  g_object_set_data (G_OBJECT (buffer), "tr-cell", view);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (cell_changed), self, 0);
  g_signal_connect_object (view, "notify::has-focus", G_CALLBACK (cell_focus_changed), self, 0);
  gtk_grid_attach (self->grid, view, column, row, 1, 1);
}

static void
add_row_cells (TrTableEditor *self,
               guint          row)
{
  for (guint column = 0; column < tr_table_get_n_columns (self->table); column++)
    add_cell (self, row, column);
}

static void
add_column_cells (TrTableEditor *self,
                  guint          column)
{
  for (guint row = 0; row < tr_table_get_n_rows (self->table); row++)
    add_cell (self, row, column);
}

static void
update_actions (TrTableEditor *self)
{
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean editable = self->editable;

  gtk_widget_action_set_enabled (widget, "table.insert-row-above",
                                 editable && tr_table_get_n_rows (self->table) < TR_TABLE_MAX_ROWS);
  gtk_widget_action_set_enabled (widget, "table.insert-row-below",
                                 editable && tr_table_get_n_rows (self->table) < TR_TABLE_MAX_ROWS);
  gtk_widget_action_set_enabled (widget, "table.insert-column-before",
                                 editable && tr_table_get_n_columns (self->table) < TR_TABLE_MAX_COLUMNS);
  gtk_widget_action_set_enabled (widget, "table.insert-column-after",
                                 editable && tr_table_get_n_columns (self->table) < TR_TABLE_MAX_COLUMNS);
  /* The last row or column goes with the table: Delete Table. */
  gtk_widget_action_set_enabled (widget, "table.remove-row", editable && tr_table_get_n_rows (self->table) > 1);
  gtk_widget_action_set_enabled (widget, "table.remove-column",
                                 editable && tr_table_get_n_columns (self->table) > 1);
  /* The Header Row check too, which is not one of these actions. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->menu_button), editable);
  gtk_widget_action_set_enabled (widget, "table.delete", editable);
}

static void
focus_cell_end (TrTableEditor *self,
                guint          row,
                guint          column)
{
  GtkTextView *view = tr_table_editor_get_cell_view (self, row, column);
  GtkTextBuffer *buffer;
  GtkTextIter end;

  if (view == NULL)
    return;
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (view));
  self->current_row = row;
  self->current_column = column;
}

/* Room left between the cell brought into sight and the page's edge. */
#define SHOW_CELL_MARGIN 24
/* About a second of frames: a table never laid out is not waited for. */
#define SHOW_CELL_MAX_FRAMES 60

/* A cell focused from the code (a problem shown, cells pasted) as the
 * report opens or the table changes is not laid out yet, and GTK cannot
 * scroll the page to it then: it did at the first key typed, gliding
 * there while the keys came. Once the cell is laid out, the page shows
 * it, at once. */
static gboolean
show_current_cell (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  TrTableEditor *self = TR_TABLE_EDITOR (widget);
  GtkWidget *cell = GTK_WIDGET (tr_table_editor_get_cell_view (self, self->current_row, self->current_column));
  GtkWidget *page = gtk_widget_get_ancestor (widget, GTK_TYPE_SCROLLED_WINDOW);
  GtkWidget *in_sight = page != NULL ? gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (page)) : NULL;
  GtkAdjustment *adjustment;
  graphene_rect_t bounds;
  double value, page_size;

  if (cell == NULL || in_sight == NULL || !gtk_widget_has_focus (cell) ||
      ++self->show_cell_frames > SHOW_CELL_MAX_FRAMES)
    goto done;
  if (gtk_widget_get_height (cell) == 0 || !gtk_widget_compute_bounds (cell, in_sight, &bounds))
    return G_SOURCE_CONTINUE;
  adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (page));
  value = gtk_adjustment_get_value (adjustment);
  page_size = gtk_adjustment_get_page_size (adjustment);
  /* The bounds are in the part of the page in sight (its viewport). */
  if (bounds.origin.y < 0)
    gtk_adjustment_set_value (adjustment, value + bounds.origin.y - SHOW_CELL_MARGIN);
  else if (bounds.origin.y + bounds.size.height > page_size)
    gtk_adjustment_set_value (adjustment,
                              value + MIN (bounds.origin.y - SHOW_CELL_MARGIN,
                                           bounds.origin.y + bounds.size.height - page_size + SHOW_CELL_MARGIN));

done:
  self->show_cell_tick_id = 0;
  return G_SOURCE_REMOVE;
}

gboolean
tr_table_editor_focus_cell (TrTableEditor *self,
                            guint          row,
                            guint          column)
{
  g_return_val_if_fail (TR_IS_TABLE_EDITOR (self), FALSE);

  if (row >= tr_table_get_n_rows (self->table) || column >= tr_table_get_n_columns (self->table))
    return FALSE;
  focus_cell_end (self, row, column);
  self->show_cell_frames = 0;
  if (self->show_cell_tick_id == 0)
    self->show_cell_tick_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), show_current_cell, NULL, NULL);
  return TRUE;
}

gboolean
tr_table_editor_get_current_cell (TrTableEditor *self,
                                  guint         *out_row,
                                  guint         *out_column)
{
  g_return_val_if_fail (TR_IS_TABLE_EDITOR (self), FALSE);

  /* A row or column removed since. */
  *out_row = MIN (self->current_row, tr_table_get_n_rows (self->table) - 1);
  *out_column = MIN (self->current_column, tr_table_get_n_columns (self->table) - 1);
  return TRUE;
}

static void
insert_row (TrTableEditor *self,
            guint          position)
{
  g_signal_emit (self, signals[WILL_CHANGE], 0);
  tr_table_insert_row (self->table, position, NULL);
  gtk_grid_insert_row (self->grid, position);
  add_row_cells (self, position);
  update_header_style (self);
  update_actions (self);
  g_signal_emit (self, signals[RESHAPED], 0);
}

static void
insert_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrTableEditor *self = TR_TABLE_EDITOR (widget);
  guint row, column;
  gboolean below = g_str_equal (action_name, "table.insert-row-below");

  if (!self->editable)
    return;
  tr_table_editor_get_current_cell (self, &row, &column);
  insert_row (self, below ? row + 1 : row);
  focus_cell_end (self, below ? row + 1 : row, column);
}

static void
insert_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrTableEditor *self = TR_TABLE_EDITOR (widget);
  gboolean after = g_str_equal (action_name, "table.insert-column-after");
  guint row, column, position;

  if (!self->editable)
    return;
  tr_table_editor_get_current_cell (self, &row, &column);
  position = after ? column + 1 : column;
  g_signal_emit (self, signals[WILL_CHANGE], 0);
  tr_table_insert_column (self->table, position, NULL);
  gtk_grid_insert_column (self->grid, position);
  add_column_cells (self, position);
  update_header_style (self);
  update_actions (self);
  g_signal_emit (self, signals[RESHAPED], 0);
  focus_cell_end (self, row, position);
}

static void
remove_row_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  TrTableEditor *self = TR_TABLE_EDITOR (widget);
  guint row, column;

  if (!self->editable)
    return;
  tr_table_editor_get_current_cell (self, &row, &column);
  if (tr_table_get_n_rows (self->table) < 2)
    return;
  g_signal_emit (self, signals[WILL_CHANGE], 0);
  tr_table_remove_row (self->table, row);
  gtk_grid_remove_row (self->grid, row);
  update_header_style (self);
  update_actions (self);
  g_signal_emit (self, signals[RESHAPED], 0);
  focus_cell_end (self, MIN (row, tr_table_get_n_rows (self->table) - 1), column);
}

static void
remove_column_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  TrTableEditor *self = TR_TABLE_EDITOR (widget);
  guint row, column;

  if (!self->editable)
    return;
  tr_table_editor_get_current_cell (self, &row, &column);
  if (tr_table_get_n_columns (self->table) < 2)
    return;
  g_signal_emit (self, signals[WILL_CHANGE], 0);
  tr_table_remove_column (self->table, column);
  gtk_grid_remove_column (self->grid, column);
  update_header_style (self);
  update_actions (self);
  g_signal_emit (self, signals[RESHAPED], 0);
  focus_cell_end (self, row, MIN (column, tr_table_get_n_columns (self->table) - 1));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  if (TR_TABLE_EDITOR (widget)->editable)
    g_signal_emit (widget, signals[DELETE_REQUESTED], 0);
}

/* Whether the cursor of @cell is on its first (@up) or last display line. */
static gboolean
cursor_on_edge_line (GtkTextView *cell,
                     gboolean     up)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (cell);
  GtkTextIter cursor, edge;
  GdkRectangle cursor_place, edge_place;

  gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
  if (up)
    gtk_text_buffer_get_start_iter (buffer, &edge);
  else
    gtk_text_buffer_get_end_iter (buffer, &edge);
  gtk_text_view_get_iter_location (cell, &cursor, &cursor_place);
  gtk_text_view_get_iter_location (cell, &edge, &edge_place);
  return cursor_place.y == edge_place.y;
}

/* Up on the first line of a cell goes to the end of the cell above, Down
 * on its last line to the start of the cell below, as in Writer; at the
 * table's first or last row the keys do what they do in any text. */
static gboolean
move_across_rows (TrTableEditor *self,
                  GtkWidget     *focus,
                  gboolean       up)
{
  GtkTextBuffer *buffer;
  GtkTextIter start;
  guint row, column;

  if (!cell_position (self, focus, &row, &column) ||
      (up ? row == 0 : row + 1 >= tr_table_get_n_rows (self->table)) ||
      !cursor_on_edge_line (GTK_TEXT_VIEW (focus), up))
    return FALSE;
  if (up)
    {
      focus_cell_end (self, row - 1, column);
      return TRUE;
    }
  focus_cell_end (self, row + 1, column);
  buffer = gtk_text_view_get_buffer (tr_table_editor_get_cell_view (self, row + 1, column));
  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_place_cursor (buffer, &start);
  return TRUE;
}

/* Tab and Shift+Tab go from cell to cell, row after row; Tab in the last
 * cell adds a row. Out of the first cell backwards, or from the caption,
 * the focus leaves as usual. Up and Down cross rows (move_across_rows()). */
static gboolean
key_pressed (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             TrTableEditor         *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
  gboolean backward = (state & GDK_SHIFT_MASK) != 0 || keyval == GDK_KEY_ISO_Left_Tab;
  guint n_columns = tr_table_get_n_columns (self->table);
  guint row, column, index;

  if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up || keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down) &&
      (state & (GDK_SHIFT_MASK | GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0)
    return move_across_rows (self, focus, keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up);
  if ((keyval != GDK_KEY_Tab && keyval != GDK_KEY_ISO_Left_Tab && keyval != GDK_KEY_KP_Tab) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;
  if (focus == GTK_WIDGET (self->caption_entry) || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->caption_entry)))
    {
      if (backward)
        return FALSE;
      focus_cell_end (self, 0, 0);
      return TRUE;
    }
  if (!cell_position (self, focus, &row, &column))
    return FALSE;

  index = row * n_columns + column;
  if (backward)
    {
      if (index == 0)
        {
          gtk_widget_grab_focus (GTK_WIDGET (self->caption_entry));
          return TRUE;
        }
      index--;
    }
  else if (index + 1 == tr_table_get_n_rows (self->table) * n_columns)
    {
      if (!self->editable || tr_table_get_n_rows (self->table) >= TR_TABLE_MAX_ROWS)
        return FALSE;
      insert_row (self, tr_table_get_n_rows (self->table));
      index++;
    }
  else
    index++;
  focus_cell_end (self, index / n_columns, index % n_columns);
  return TRUE;
}

static void
caption_changed (GtkEditable   *editable,
                 TrTableEditor *self)
{
  if (self->syncing)
    return;
  tr_table_set_caption (self->table, gtk_editable_get_text (editable));
}

static void
set_table (TrTableEditor *self,
           TrTable       *table)
{
  g_return_if_fail (TR_IS_TABLE (table));

  self->table = g_object_ref (table);
  self->syncing = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->caption_entry), tr_table_get_caption (table));
  self->syncing = FALSE;
  for (guint row = 0; row < tr_table_get_n_rows (table); row++)
    add_row_cells (self, row);
  update_header_style (self);
  update_actions (self);
  g_simple_action_set_state (self->has_header_action, g_variant_new_boolean (tr_table_get_has_header (table)));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_HEADER]);
}

gboolean
tr_table_editor_get_editable (TrTableEditor *self)
{
  g_return_val_if_fail (TR_IS_TABLE_EDITOR (self), FALSE);
  return self->editable;
}

void
tr_table_editor_set_editable (TrTableEditor *self,
                              gboolean       editable)
{
  g_return_if_fail (TR_IS_TABLE_EDITOR (self));

  editable = !!editable;
  if (self->editable == editable)
    return;
  self->editable = editable;
  gtk_editable_set_editable (GTK_EDITABLE (self->caption_entry), editable);
  for (GtkWidget *cell = gtk_widget_get_first_child (GTK_WIDGET (self->grid)); cell != NULL;
       cell = gtk_widget_get_next_sibling (cell))
    gtk_text_view_set_editable (GTK_TEXT_VIEW (cell), editable);
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITABLE]);
}

static void
set_has_header (TrTableEditor *self,
                gboolean       has_header)
{
  if (tr_table_get_has_header (self->table) == !!has_header || !self->editable)
    return;
  g_signal_emit (self, signals[WILL_CHANGE], 0);
  tr_table_set_has_header (self->table, has_header);
  update_header_style (self);
  g_simple_action_set_state (self->has_header_action, g_variant_new_boolean (has_header));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HAS_HEADER]);
}

static void
change_has_header (GSimpleAction *action,
                   GVariant      *state,
                   TrTableEditor *self)
{
  set_has_header (self, g_variant_get_boolean (state));
}

static void
tr_table_editor_dispose (GObject *object)
{
  TrTableEditor *self = TR_TABLE_EDITOR (object);

  if (self->show_cell_tick_id != 0)
    {
      gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->show_cell_tick_id);
      self->show_cell_tick_id = 0;
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), TR_TYPE_TABLE_EDITOR);
  tr_widget_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->table);
  g_clear_object (&self->has_header_action);

  G_OBJECT_CLASS (tr_table_editor_parent_class)->dispose (object);
}

static void
tr_table_editor_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  TrTableEditor *self = TR_TABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    case PROP_EDITABLE:
      g_value_set_boolean (value, self->editable);
      break;
    case PROP_HAS_HEADER:
      g_value_set_boolean (value, self->table != NULL && tr_table_get_has_header (self->table));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_table_editor_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  TrTableEditor *self = TR_TABLE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      set_table (self, g_value_get_object (value));
      break;
    case PROP_EDITABLE:
      tr_table_editor_set_editable (self, g_value_get_boolean (value));
      break;
    case PROP_HAS_HEADER:
      set_has_header (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
tr_table_editor_class_init (TrTableEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = tr_table_editor_dispose;
  object_class->get_property = tr_table_editor_get_property;
  object_class->set_property = tr_table_editor_set_property;

  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, TR_TYPE_TABLE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EDITABLE] =
    g_param_spec_boolean ("editable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The first row is the header, repeated on every page in the export. */
  properties[PROP_HAS_HEADER] =
    g_param_spec_boolean ("has-header", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Before the table's shape changes: rows, columns, the header. */
  signals[WILL_CHANGE] = g_signal_new ("will-change", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                       0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  /* After rows or columns came or went: the cells are others. */
  signals[RESHAPED] = g_signal_new ("reshaped", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[DELETE_REQUESTED] = g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass),
                                            G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/example/TripReports/editor/tr-table-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, TrTableEditor, caption_entry);
  gtk_widget_class_bind_template_child (widget_class, TrTableEditor, menu_button);
  gtk_widget_class_bind_template_child (widget_class, TrTableEditor, grid);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "table-editor");

  gtk_widget_class_install_action (widget_class, "table.insert-row-above", NULL, insert_row_action);
  gtk_widget_class_install_action (widget_class, "table.insert-row-below", NULL, insert_row_action);
  gtk_widget_class_install_action (widget_class, "table.insert-column-before", NULL, insert_column_action);
  gtk_widget_class_install_action (widget_class, "table.insert-column-after", NULL, insert_column_action);
  gtk_widget_class_install_action (widget_class, "table.remove-row", NULL, remove_row_action);
  gtk_widget_class_install_action (widget_class, "table.remove-column", NULL, remove_column_action);
  gtk_widget_class_install_action (widget_class, "table.delete", NULL, delete_action);
  /* Enter makes a line break in a cell; Ctrl+Enter a row under it. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "table.insert-row-below", NULL);
}

static void
tr_table_editor_init (TrTableEditor *self)
{
  GtkEventController *keys = gtk_event_controller_key_new ();
  g_autoptr(GSimpleActionGroup) state_actions = g_simple_action_group_new ();

  self->editable = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  g_signal_connect_object (self->caption_entry, "changed", G_CALLBACK (caption_changed), self, 0);
  /* Before the text views, which would otherwise hand Tab to the window. */
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (key_pressed), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);
  /* A check in the menu: a widget's property action shows no state there
   * in GTK 4.8. */
  self->has_header_action = g_simple_action_new_stateful ("has-header", NULL, g_variant_new_boolean (FALSE));
  g_signal_connect_object (self->has_header_action, "change-state", G_CALLBACK (change_has_header), self, 0);
  g_action_map_add_action (G_ACTION_MAP (state_actions), G_ACTION (self->has_header_action));
  gtk_widget_insert_action_group (GTK_WIDGET (self), "table-state", G_ACTION_GROUP (state_actions));
}

GtkWidget *
tr_table_editor_new (TrTable *table)
{
  g_return_val_if_fail (TR_IS_TABLE (table), NULL);

  return g_object_new (TR_TYPE_TABLE_EDITOR, "table", table, NULL);
}

TrTable *
tr_table_editor_get_table (TrTableEditor *self)
{
  g_return_val_if_fail (TR_IS_TABLE_EDITOR (self), NULL);
  return self->table;
}
