/* tr-parser-travellers.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-travellers.h"

#include <string.h>

#include "tr-parser-text.h"
#include "tr-parser-values.h"

#define MAX_COLUMNS 8

/* The columns of the travellers' entries and table. */
enum {
  COLUMN_SKIP = -1,  /* 編號: a row number */
  COLUMN_NONE = -2,  /* not a column name */
};

static const struct {
  const char *name;
  int         column;  /* a TrTravellerField, or COLUMN_SKIP */
} column_names[] = {
  { "出國人員姓名", TR_TRAVELLER_NAME }, { "出國人員", TR_TRAVELLER_NAME },
  { "姓名", TR_TRAVELLER_NAME }, { "服務機關", TR_TRAVELLER_AGENCY }, { "機關", TR_TRAVELLER_AGENCY },
  { "服務單位", TR_TRAVELLER_UNIT }, { "單位", TR_TRAVELLER_UNIT }, { "職稱", TR_TRAVELLER_TITLE },
  { "電話", TR_TRAVELLER_PHONE }, { "聯絡電話", TR_TRAVELLER_PHONE },
  { "編號", COLUMN_SKIP }, { "序號", COLUMN_SKIP }, { "項次", COLUMN_SKIP },
};

struct _TrTravellerReader
{
  GPtrArray   *travellers;
  TrTraveller *current;

  int          entry_columns[MAX_COLUMNS];  /* "姓名/服務機關/…" entries */
  guint        n_entry_columns;
  int          table_columns[MAX_COLUMNS];  /* a table under a header row */
  guint        n_table_columns;
};

TrTravellerReader *
tr_traveller_reader_new (void)
{
  TrTravellerReader *self = g_new0 (TrTravellerReader, 1);

  self->travellers = g_ptr_array_new_with_free_func (g_object_unref);
  return self;
}

void
tr_traveller_reader_free (TrTravellerReader *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->travellers);
  g_free (self);
}

void
tr_traveller_reader_interrupt (TrTravellerReader *self)
{
  self->n_entry_columns = 0;
  self->n_table_columns = 0;
}

static TrTraveller *
new_traveller (TrTravellerReader *self)
{
  self->current = tr_traveller_new ();
  g_ptr_array_add (self->travellers, self->current);
  return self->current;
}

void
tr_traveller_reader_set (TrTravellerReader *self,
                         TrTravellerField   field,
                         const char        *value)
{
  g_autofree char *clean = tr_parser_clean_value (value);

  if (*clean == '\0')
    return;
  if (self->current == NULL || tr_traveller_get (self->current, field)[0] != '\0')
    new_traveller (self);
  tr_traveller_set (self->current, field, clean);
}

TrTraveller *
tr_traveller_reader_get_current (TrTravellerReader *self)
{
  return self->current;
}

void
tr_traveller_reader_read_names (TrTravellerReader *self,
                                const char        *value)
{
  g_auto(GStrv) names = tr_parser_split_list (value);

  for (guint i = 0; names[i] != NULL; i++)
    tr_traveller_reader_set (self, TR_TRAVELLER_NAME, names[i]);
}

static void
read_name_and_title (TrTravellerReader *self,
                     const char        *item,
                     gboolean           name_first)
{
  g_auto(GStrv) parts = tr_parser_split (item, NULL);

  /* Without a space between them there is no telling where the name starts. */
  if (g_strv_length (parts) != 2)
    {
      tr_traveller_reader_set (self, TR_TRAVELLER_NAME, item);
      return;
    }
  tr_traveller_reader_set (self, TR_TRAVELLER_NAME, parts[name_first ? 0 : 1]);
  tr_traveller_set (self->current, TR_TRAVELLER_TITLE, parts[name_first ? 1 : 0]);
}

void
tr_traveller_reader_read_name_and_title (TrTravellerReader *self,
                                         const char        *value,
                                         gboolean           name_first)
{
  g_autofree char *clean = tr_parser_clean_value (value);
  const char *item = clean;

  /* "王小明 科長、陳美玲 專員": one person per item of the list; the space
   * inside an item is between name and title. */
  for (const char *p = clean;; p = g_utf8_next_char (p))
    {
      if (*p == '\0' || g_utf8_strchr ("、，,;；", -1, g_utf8_get_char (p)) != NULL)
        {
          g_autofree char *raw = g_strndup (item, p - item);
          g_autofree char *trimmed = tr_parser_trim (raw);

          if (*trimmed != '\0')
            read_name_and_title (self, trimmed, name_first);
          if (*p == '\0')
            break;
          item = g_utf8_next_char (p);
        }
    }
}

static int
column_from_name (const char *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    if (g_str_equal (name, column_names[i].name))
      return column_names[i].column;
  return COLUMN_NONE;
}

/* The spaces around slashes go and full-width slashes become "/":
 * "王 ／ 臺中市政府" is one entry. */
static char *
squeeze_slashes (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0xFF0F)
        c = '/';
      if (tr_parser_is_space (c))
        {
          const char *next = tr_parser_skip_spaces (p);

          if (*next == '/' || g_str_has_prefix (next, "／") || (out->len > 0 && out->str[out->len - 1] == '/'))
            continue;
          c = ' ';
        }
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static guint
count_slashes (const char *text)
{
  guint n = 0;

  for (; *text != '\0'; text++)
    n += *text == '/';
  return n;
}

static gboolean
read_entry (TrTravellerReader *self,
            const char        *entry)
{
  g_auto(GStrv) cells = g_strsplit (entry, "/", -1);
  guint n_cells = g_strv_length (cells);
  TrTraveller *traveller;

  if (n_cells == 0)
    return TRUE;
  traveller = new_traveller (self);
  for (guint i = 0; i < n_cells && i < self->n_entry_columns; i++)
    {
      g_autofree char *cell = tr_parser_trim (cells[i]);

      if (self->entry_columns[i] >= 0 && *cell != '\0')
        tr_traveller_set (traveller, self->entry_columns[i], cell);
    }
  return n_cells <= self->n_entry_columns;
}

/* Entries with a slash between cells and a space between entries; a space
 * inside a cell is told apart by the count of slashes. */
static gboolean
read_entries (TrTravellerReader *self,
              const char        *squeezed)
{
  g_auto(GStrv) tokens = g_strsplit (squeezed, " ", -1);
  g_autoptr(GString) entry = g_string_new (NULL);
  gboolean complete = TRUE;
  guint slashes = 0;

  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (tokens[i][0] == '\0')
        continue;
      if (entry->len > 0 && slashes + 1 >= self->n_entry_columns && strchr (tokens[i], '/') != NULL)
        {
          complete &= read_entry (self, entry->str);
          g_string_truncate (entry, 0);
          slashes = 0;
        }
      if (entry->len > 0)
        g_string_append_c (entry, ' ');
      g_string_append (entry, tokens[i]);
      slashes += count_slashes (tokens[i]);
    }
  if (entry->len > 0)
    complete &= read_entry (self, entry->str);
  return complete;
}

gboolean
tr_traveller_reader_read_columns (TrTravellerReader *self,
                                  const char        *text,
                                  gboolean          *out_complete)
{
  g_autofree char *squeezed = squeeze_slashes (tr_parser_skip_spaces (text));
  gsize head_length = strcspn (squeezed, " :");
  g_autofree char *head = g_strndup (squeezed, head_length);
  const char *entries = squeezed + head_length;
  char *wide_colon = strstr (head, "：");
  g_auto(GStrv) names = NULL;
  gboolean has_name = FALSE;

  if (wide_colon != NULL)
    {
      entries = squeezed + (wide_colon - head);
      *wide_colon = '\0';
    }
  names = g_strsplit (head, "/", -1);
  if (g_strv_length (names) < 2 || g_strv_length (names) > MAX_COLUMNS)
    return FALSE;
  for (guint i = 0; names[i] != NULL; i++)
    {
      int column = column_from_name (names[i]);

      if (column == COLUMN_NONE)
        return FALSE;
      has_name |= column == TR_TRAVELLER_NAME;
      self->entry_columns[i] = column;
    }
  if (!has_name)
    return FALSE;
  self->n_entry_columns = g_strv_length (names);
  self->n_table_columns = 0;

  if (g_str_has_prefix (entries, "："))
    entries += strlen ("：");
  else if (*entries == ':')
    entries++;
  *out_complete = read_entries (self, entries);
  return TRUE;
}

gboolean
tr_traveller_reader_read_entries (TrTravellerReader *self,
                                  const char        *line,
                                  gboolean          *out_complete)
{
  g_autofree char *squeezed = NULL;

  if (self->n_entry_columns == 0)
    return FALSE;
  squeezed = squeeze_slashes (line);
  if (count_slashes (squeezed) + 1 < self->n_entry_columns)
    {
      self->n_entry_columns = 0;
      return FALSE;
    }
  *out_complete = read_entries (self, squeezed);
  return TRUE;
}

static gboolean
read_table_header (TrTravellerReader *self,
                   GStrv              cells)
{
  int columns[MAX_COLUMNS];
  guint n = g_strv_length (cells);
  gboolean has_name = FALSE;

  if (n < 3 || n > MAX_COLUMNS)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      columns[i] = column_from_name (cells[i]);
      if (columns[i] == COLUMN_NONE)
        return FALSE;
      has_name |= columns[i] == TR_TRAVELLER_NAME;
    }
  if (!has_name)
    return FALSE;

  memcpy (self->table_columns, columns, n * sizeof (int));
  self->n_table_columns = n;
  self->n_entry_columns = 0;
  return TRUE;
}

static gboolean
read_table_row (TrTravellerReader *self,
                GStrv              cells)
{
  guint n = g_strv_length (cells);
  TrTraveller *traveller;

  /* A missing phone is the usual gap; any other and the row is not ours. */
  if (n != self->n_table_columns &&
      !(n + 1 == self->n_table_columns && self->table_columns[n] == TR_TRAVELLER_PHONE))
    return FALSE;

  traveller = new_traveller (self);
  for (guint i = 0; i < n; i++)
    if (self->table_columns[i] >= 0)
      tr_traveller_set (traveller, self->table_columns[i], cells[i]);
  return TRUE;
}

gboolean
tr_traveller_reader_read_table (TrTravellerReader *self,
                                const char        *line)
{
  g_auto(GStrv) cells = tr_parser_split (line, NULL);

  if (self->n_table_columns > 0 && read_table_row (self, cells))
    return TRUE;
  self->n_table_columns = 0;
  return read_table_header (self, cells);
}

/* The form's @name is the cover's @cover_name, or begins it when the
 * cover gave no space before the title ("王小明科長"). */
static gboolean
same_person (const char *name,
             const char *cover_name)
{
  g_autofree char *a = tr_parser_compact (name);
  g_autofree char *b = tr_parser_compact (cover_name);

  return *a != '\0' && g_str_has_prefix (b, a);
}

void
tr_traveller_reader_add_cover (TrTravellerReader *self,
                               TrTravellerReader *cover)
{
  gboolean form_lists_people = FALSE;

  for (guint i = 0; i < self->travellers->len; i++)
    form_lists_people |= *tr_traveller_get (g_ptr_array_index (self->travellers, i), TR_TRAVELLER_NAME) != '\0';

  for (guint i = 0; i < cover->travellers->len; i++)
    {
      TrTraveller *from_cover = g_ptr_array_index (cover->travellers, i);
      const char *cover_name = tr_traveller_get (from_cover, TR_TRAVELLER_NAME);
      TrTraveller *match = NULL;

      for (guint j = 0; j < self->travellers->len && match == NULL; j++)
        if (same_person (tr_traveller_get (g_ptr_array_index (self->travellers, j), TR_TRAVELLER_NAME),
                         cover_name))
          match = g_ptr_array_index (self->travellers, j);

      if (match != NULL)
        {
          /* The form's values win; the cover's fill only its gaps. */
          for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
            if (f != TR_TRAVELLER_NAME && *tr_traveller_get (match, f) == '\0')
              tr_traveller_set (match, f, tr_traveller_get (from_cover, f));
        }
      /* Only when the form lists nobody: a misread cover line must not
       * become a traveller. (A person named on the cover alone is then
       * not listed; see the import issue's notes.) */
      else if (!form_lists_people)
        g_ptr_array_add (self->travellers, g_object_ref (from_cover));
    }

  cover->current = NULL;
  g_ptr_array_set_size (cover->travellers, 0);
}

void
tr_traveller_reader_finish (TrTravellerReader *self,
                            GListStore        *store)
{
  for (guint i = 0; i < self->travellers->len; i++)
    {
      TrTraveller *a = g_ptr_array_index (self->travellers, i);
      const char *name = tr_traveller_get (a, TR_TRAVELLER_NAME);

      if (*name == '\0')
        continue;
      /* Later mentions of the same name fill in what was missing. */
      for (guint j = i + 1; j < self->travellers->len;)
        {
          TrTraveller *b = g_ptr_array_index (self->travellers, j);

          if (!g_str_equal (name, tr_traveller_get (b, TR_TRAVELLER_NAME)))
            {
              j++;
              continue;
            }
          for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
            if (*tr_traveller_get (a, f) == '\0')
              tr_traveller_set (a, f, tr_traveller_get (b, f));
          g_ptr_array_remove_index (self->travellers, j);
        }
    }

  for (guint i = 0; i < self->travellers->len; i++)
    {
      TrTraveller *traveller = g_ptr_array_index (self->travellers, i);

      if (!tr_traveller_is_empty (traveller))
        g_list_store_append (store, traveller);
    }
  self->current = NULL;
  g_ptr_array_set_size (self->travellers, 0);
}
