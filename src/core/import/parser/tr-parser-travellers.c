/* tr-parser-travellers.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-travellers.h"

#include <string.h>

#include "tr-parser-text.h"
#include "tr-parser-values.h"

#define MAX_COLUMNS 8
#define MAX_PAIR_CHARS 16
#define MAX_TITLE_CHARS 10

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
  /* A column of two fields (「單位／職稱」, its cells 「秘書處／股長」):
   * the second, or COLUMN_NONE. */
  int          table_second[MAX_COLUMNS];
  guint        n_table_columns;
  /* The rows label wrapped, its start glued to the header's first cell
   * (出國人姓⇥名): its end may come before the first row (員⇥王小明…). */
  gboolean     rows_label_cut;
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
  /* A name of nothing but punctuation made nobody. */
  if (self->current != NULL)
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

/* Where a cell holds two values 「A／B」 (or A/B): the slash, or NULL. */
static const char *
find_slash (const char *cell)
{
  const char *full = strstr (cell, "／");
  const char *half = strchr (cell, '/');

  if (full != NULL && (half == NULL || full < half))
    return full;
  return half;
}

/* A column name, or two joined by a slash (「單位／職稱」) whose cells
 * hold both fields; @out_second is COLUMN_NONE for one. */
static int
columns_from_name (const char *name,
                   int        *out_second)
{
  const char *slash = find_slash (name);
  g_autofree char *first = NULL;
  int column;

  *out_second = COLUMN_NONE;
  if (slash == NULL)
    return column_from_name (name);
  first = g_strndup (name, slash - name);
  column = column_from_name (first);
  *out_second = column_from_name (slash + (g_str_has_prefix (slash, "／") ? strlen ("／") : 1));
  if (column < 0 || *out_second < 0 || *out_second == column)
    {
      *out_second = COLUMN_NONE;
      return COLUMN_NONE;
    }
  return column;
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

/* The form's label beside the travellers' rows (出國人員), or the first
 * line of it when it wrapped in its cell (出國人). */
static gboolean
is_rows_label (const char *cell)
{
  if (column_from_name (cell) == TR_TRAVELLER_NAME)
    return TRUE;
  if (g_utf8_strlen (cell, -1) < 3)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (column_names); i++)
    if (column_names[i].column == TR_TRAVELLER_NAME && g_str_has_prefix (column_names[i].name, cell))
      return TRUE;
  return FALSE;
}

static gboolean
read_table_header (TrTravellerReader *self,
                   GStrv              cells)
{
  int columns[MAX_COLUMNS];
  int seconds[MAX_COLUMNS];
  guint n = g_strv_length (cells);
  gboolean has_name = FALSE;

  /* 「出國人員 姓名 服務機關 …」: the form's label beside its header row
   * (a grid's label cell, centred on the rows) names no column. */
  self->rows_label_cut = FALSE;
  if (n > 1 && is_rows_label (cells[0]) && column_from_name (cells[1]) == TR_TRAVELLER_NAME)
    cells++, n--;
  else if (n > 2 && column_from_name (cells[0]) == COLUMN_NONE)
    {
      /* The label's first line so close to the spaced-out 姓　名 that
       * they came as one cell: 出國人姓⇥名. */
      glong length = g_utf8_strlen (cells[0], -1);

      for (glong k = 3; k < length; k++)
        {
          g_autofree char *head = g_utf8_substring (cells[0], 0, k);
          g_autofree char *tail = g_utf8_substring (cells[0], k, length);
          g_autofree char *name = g_strconcat (tail, cells[1], NULL);

          if (is_rows_label (head) && column_from_name (name) == TR_TRAVELLER_NAME)
            {
              g_free (cells[1]);
              cells[1] = g_steal_pointer (&name);
              cells++, n--;
              self->rows_label_cut = TRUE;
              break;
            }
        }
    }
  if (n < 3 || n > MAX_COLUMNS)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      columns[i] = columns_from_name (cells[i], &seconds[i]);
      if (columns[i] == COLUMN_NONE)
        return FALSE;
      has_name |= columns[i] == TR_TRAVELLER_NAME;
    }
  if (!has_name)
    return FALSE;

  memcpy (self->table_columns, columns, n * sizeof (int));
  memcpy (self->table_second, seconds, n * sizeof (int));
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

  /* The form's label 出國人員, centred on the header and two rows, is
   * beside the first; it names no column. */
  if (n == self->n_table_columns + 1 &&
      (is_rows_label (cells[0]) ||
       (self->rows_label_cut && g_utf8_strlen (cells[0], -1) == 1 && tr_parser_is_cjk_letter (g_utf8_get_char (cells[0])))))
    cells++, n--;
  self->rows_label_cut = FALSE;
  /* A missing phone is the usual gap; any other and the row is not ours. */
  if (n != self->n_table_columns &&
      !(n + 1 == self->n_table_columns && self->table_columns[n] == TR_TRAVELLER_PHONE))
    return FALSE;

  traveller = new_traveller (self);
  for (guint i = 0; i < n; i++)
    {
      const char *slash = self->table_second[i] >= 0 ? find_slash (cells[i]) : NULL;

      if (slash != NULL)
        {
          g_autofree char *first = g_strndup (cells[i], slash - cells[i]);

          tr_traveller_set (traveller, self->table_columns[i], first);
          tr_traveller_set (traveller, self->table_second[i],
                            slash + (g_str_has_prefix (slash, "／") ? strlen ("／") : 1));
        }
      else if (self->table_columns[i] >= 0)
        tr_traveller_set (traveller, self->table_columns[i], cells[i]);
    }
  return TRUE;
}

gboolean
tr_traveller_reader_read_header (TrTravellerReader *self,
                                 const char        *value)
{
  g_autofree char *joined = tr_parser_join_spaced_letters (value);
  g_auto(GStrv) cells = tr_parser_split (joined, NULL);

  /* Two columns are enough after a label: 「出國人：職稱 姓名」. */
  if (g_strv_length (cells) == 2)
    {
      if (column_from_name (cells[0]) < 0 || column_from_name (cells[1]) < 0)
        return FALSE;
      self->table_columns[0] = column_from_name (cells[0]);
      self->table_columns[1] = column_from_name (cells[1]);
      self->table_second[0] = self->table_second[1] = COLUMN_NONE;
      if (self->table_columns[0] != TR_TRAVELLER_NAME && self->table_columns[1] != TR_TRAVELLER_NAME)
        return FALSE;
      self->n_table_columns = 2;
      self->n_entry_columns = 0;
      return TRUE;
    }
  return read_table_header (self, cells);
}

gboolean
tr_traveller_reader_read_table (TrTravellerReader *self,
                                const char        *line)
{
  /* A grid's label spaced out beside the row (出　國　人　員) is one cell. */
  g_autofree char *joined = tr_parser_join_spaced_letters (line);
  g_auto(GStrv) cells = tr_parser_split (joined, NULL);

  if (self->n_table_columns > 0 && read_table_row (self, cells))
    return TRUE;
  /* The label beside the rows on a line of its own (centred between
   * them), or its last letter alone (a row split over two pages), is
   * part of the table, which goes on. */
  if (self->n_table_columns > 0 && cells[0] != NULL && cells[1] == NULL &&
      (is_rows_label (cells[0]) ||
       (g_utf8_strlen (cells[0], -1) == 1 && tr_parser_is_cjk_letter (g_utf8_get_char (cells[0])))))
    return TRUE;
  self->n_table_columns = 0;
  return read_table_header (self, cells);
}

/* People named in running words ----------------------------------------- */

/* Job titles as the cover writes them: a base title, maybe after words
 * that grade it (副 市長, 簡任 技正, 主任 秘書, 助理 研究員). */
static const char * const base_titles[] = {
  "部長", "次長", "署長", "局長", "處長", "司長", "科長", "股長", "課長", "組長", "隊長", "所長",
  "院長", "校長", "館長", "廳長", "站長", "庭長", "會長", "社長", "團長", "市長", "縣長", "鄉長",
  "鎮長", "區長", "村長", "里長", "議長", "主任", "主委", "委員", "秘書", "祕書", "參事", "參議",
  "技監", "技正", "技士", "技佐", "專員", "科員", "辦事員", "書記", "助理", "研究員", "教授",
  "講師", "工程司", "工程師", "管理師", "分析師", "設計師", "規劃師", "稽核", "督導", "視察",
  "督學", "檢察官", "法官", "警正", "警監", "警員", "大使", "公使", "參贊", "領事", "秘書長",
  "董事長", "董事", "總經理", "經理", "執行長", "主席", "議員", "總幹事", "幹事", "護理師",
  "醫師", "藥師", "輔導員", "指導員", "教師", "老師", "研究助理", "約聘人員", "助理員", "管理員",
  "檢驗員", "稽查員", "調查員", "機要", "處員", "局員", "首長", "代表", "組員", "隊員", "所員",
  "領隊", "隨員", "翻譯",
};
static const char * const title_grades[] = {
  "副", "主任", "簡任", "薦任", "委任", "專門", "高級", "資深", "首席", "助理", "約聘", "約僱",
  "代理", "兼任", "政務", "常務", "執行", "總", "一等", "二等", "三等", "正",
};
/* Words in a value that is about people without naming them (本部同仁,
 * 全體團員): never part of a name. */
static const char * const not_in_names[] = {
  "同仁", "人員", "團員", "成員", "一行", "全體", "共計", "本部", "本府", "本署", "本局", "本處",
  "本會", "本院", "本市", "本縣", "出國", "報告", "姓名", "職稱", "機關", "單位", "服務", "名單",
  "附件", "附表", "如下", "詳見", "另附", "名冊", "清單", "如附", "陪同", "隨行", "以下",
};
/* Said after a name, not part of it. */
static const char * const honorifics[] = { "先生", "女士", "小姐" };
/* The last words of an agency's or unit's name. */
static const char * const organisation_ends[] = {
  "部", "署", "局", "處", "司", "科", "股", "課", "組", "隊", "所", "院", "校", "館", "會", "府",
  "廳", "室", "中心", "公司", "大學", "學院", "醫院", "銀行", "代表處", "辦事處", "協會", "學會",
  "基金會", "中學", "小學", "國小", "國中", "高中", "工廠", "農場", "林場", "港務", "機場",
};

typedef enum {
  WORD_OTHER,
  WORD_NAME,
  WORD_TITLE,
  WORD_ORGANISATION,
} WordKind;

static gboolean
is_one_of_words (const char         *text,
                 gsize               length,
                 const char * const *words,
                 gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    if (strlen (words[i]) == length && strncmp (text, words[i], length) == 0)
      return TRUE;
  return FALSE;
}

static gboolean
is_title (const char *word)
{
  gsize length = strlen (word);

  /* No title runs on for long; the bound keeps the recursion shallow. */
  if (length == 0 || g_utf8_strlen (word, -1) > MAX_TITLE_CHARS)
    return FALSE;
  if (is_one_of_words (word, length, base_titles, G_N_ELEMENTS (base_titles)))
    return TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (title_grades); i++)
    if (g_str_has_prefix (word, title_grades[i]) && length > strlen (title_grades[i]) &&
        is_title (word + strlen (title_grades[i])))
      return TRUE;
  return FALSE;
}

static gboolean
is_organisation (const char *word)
{
  glong n_chars = g_utf8_strlen (word, -1);

  if (n_chars < 2 || is_title (word))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (organisation_ends); i++)
    if (g_str_has_suffix (word, organisation_ends[i]) &&
        n_chars > g_utf8_strlen (organisation_ends[i], -1))
      return TRUE;
  return FALSE;
}

/* A Chinese name: two to four Han characters, or a transcribed one with
 * a middle dot (瓦歷斯．諾幹), that is not a title or an organisation. */
static gboolean
is_name (const char *word)
{
  guint n_han = 0, n_dots = 0;

  for (const char *p = word; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN && c != 0x3007)
        n_han++;
      else if (c == 0x00B7 || c == 0x2027 || c == 0x30FB || c == 0xFF0E || c == 0x2022)
        n_dots++;
      else
        return FALSE;
    }
  if (n_dots == 0 ? (n_han < 2 || n_han > 4) : (n_han < 3 || n_han > 12))
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (not_in_names); i++)
    if (strstr (word, not_in_names[i]) != NULL)
      return FALSE;
  return !is_title (word) && !is_organisation (word);
}

static WordKind
word_kind (const char *word)
{
  if (is_title (word))
    return WORD_TITLE;
  if (is_name (word))
    return WORD_NAME;
  if (is_organisation (word))
    return WORD_ORGANISATION;
  return WORD_OTHER;
}

static void
add_word (GPtrArray  *words,
          GArray     *kinds,
          const char *start,
          gsize       length,
          WordKind    kind)
{
  g_ptr_array_add (words, g_strndup (start, length));
  g_array_append_val (kinds, kind);
}

/* Splits a word the cover ran together: "王小明科長", "科長王小明",
 * "資訊處科長". FALSE when it is no such pair. */
static gboolean
split_word (const char *word,
            GPtrArray  *words,
            GArray     *kinds)
{
  gsize length = strlen (word);

  for (const char *p = g_utf8_next_char (word); *p != '\0'; p = g_utf8_next_char (p))
    {
      g_autofree char *head = g_strndup (word, p - word);

      if (is_title (p) && (is_name (head) || is_organisation (head)))
        {
          add_word (words, kinds, word, p - word, is_name (head) ? WORD_NAME : WORD_ORGANISATION);
          add_word (words, kinds, p, length - (p - word), WORD_TITLE);
          return TRUE;
        }
      if (is_title (head) && is_name (p))
        {
          add_word (words, kinds, word, p - word, WORD_TITLE);
          add_word (words, kinds, p, length - (p - word), WORD_NAME);
          return TRUE;
        }
    }
  return FALSE;
}

/* The words of @value with their kinds; a list separator or a bracket is
 * a break between words like a space. */
static void
classify_words (const char *value,
                GPtrArray  *words,
                GArray     *kinds)
{
  g_auto(GStrv) parts = tr_parser_split (value, "、，,;；/／()（）「」[]【】:：");

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_autofree char *word = tr_parser_clean_value (parts[i]);
      char *etc = strstr (word, "等");
      WordKind kind;

      /* "張光瑤等3人": the others are not named. */
      if (etc != NULL && etc != word && g_str_has_suffix (word, "人"))
        *etc = '\0';
      for (guint h = 0; h < G_N_ELEMENTS (honorifics); h++)
        if (g_str_has_suffix (word, honorifics[h]) && strlen (word) > strlen (honorifics[h]))
          word[strlen (word) - strlen (honorifics[h])] = '\0';
      if (*word == '\0')
        continue;
      kind = word_kind (word);
      /* A name and a title together are short. */
      if (kind != WORD_OTHER || g_utf8_strlen (word, -1) > MAX_PAIR_CHARS || !split_word (word, words, kinds))
        add_word (words, kinds, word, strlen (word), kind);
    }
}

guint
tr_traveller_reader_read_people (TrTravellerReader *self,
                                 const char        *value,
                                 gboolean           strict,
                                 guint              min_names)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (WordKind));
  TrTraveller *person = NULL;
  g_autoptr(TrTraveller) shared = NULL;
  guint shared_from = G_MAXUINT;
  gboolean name_first = FALSE, seen_kind = FALSE, begins;
  guint n_names = 0;

  classify_words (value, words, kinds);
  for (guint i = 0; i < kinds->len; i++)
    {
      WordKind kind = g_array_index (kinds, WordKind, i);

      n_names += kind == WORD_NAME;
      if (strict && kind == WORD_OTHER)
        return 0;
    }
  /* Words that name nobody are not a list of people. */
  if (n_names == 0 || n_names < min_names)
    return 0;

  for (guint i = 0; i < words->len; i++)
    {
      const char *word = g_ptr_array_index (words, i);
      WordKind kind = g_array_index (kinds, WordKind, i);
      TrTravellerField field;

      if (kind == WORD_OTHER)
        continue;
      if (!seen_kind)
        {
          /* The first person's order is everybody's. */
          name_first = kind == WORD_NAME;
          seen_kind = TRUE;
        }

      switch (kind)
        {
        case WORD_NAME:
          field = TR_TRAVELLER_NAME;
          break;
        case WORD_TITLE:
          field = TR_TRAVELLER_TITLE;
          break;
        case WORD_ORGANISATION:
        case WORD_OTHER:
        default:
          field = TR_TRAVELLER_AGENCY;
          break;
        }

      /* A new person begins with their name, or after the last one's. */
      begins = person == NULL || (name_first && kind == WORD_NAME) ||
               (!name_first && *tr_traveller_get (person, TR_TRAVELLER_NAME) != '\0');
      /* The agency, then the unit inside it. */
      if (!begins && field == TR_TRAVELLER_AGENCY && *tr_traveller_get (person, TR_TRAVELLER_AGENCY) != '\0')
        field = TR_TRAVELLER_UNIT;
      if (begins || *tr_traveller_get (person, field) != '\0')
        {
          field = kind == WORD_ORGANISATION ? TR_TRAVELLER_AGENCY : field;
          /* The first person may be the one the reader holds, given
           * labelled values before its name. */
          if (person == NULL && self->current != NULL &&
              *tr_traveller_get (self->current, TR_TRAVELLER_NAME) == '\0' &&
              *tr_traveller_get (self->current, field) == '\0')
            {
              person = self->current;
              /* 「服務機關：經濟部」 above the list is everybody's on it. */
              shared = g_object_ref (person);
            }
          else
            person = new_traveller (self);
        }
      tr_traveller_set (person, field, word);
    }

  for (guint i = 0; shared != NULL && i < self->travellers->len; i++)
    {
      TrTraveller *other = g_ptr_array_index (self->travellers, i);

      if (other == shared)
        shared_from = i;
      else if (i > shared_from)
        for (guint f = TR_TRAVELLER_AGENCY; f <= TR_TRAVELLER_UNIT; f++)
          if (*tr_traveller_get (other, f) == '\0')
            tr_traveller_set (other, f, tr_traveller_get (shared, f));
    }
  return n_names;
}

/* The form's @name is the cover's @cover_name, or begins it when the
 * cover gave no space before the title ("王小明科長"), or the cover's
 * name begins the form's when a table's cells ran together there
 * ("王小明經濟部"). */
static gboolean
same_person (const char *name,
             const char *cover_name)
{
  g_autofree char *a = tr_parser_compact (name);
  g_autofree char *b = tr_parser_compact (cover_name);

  if (*a == '\0' || *b == '\0')
    return FALSE;
  return g_str_has_prefix (b, a) || (is_name (b) && !is_name (a) && g_str_has_prefix (a, b));
}

/* The form's traveller whose name ran into the next cells gets the
 * cover's name; what followed it fills an empty field it reads as. */
static void
repair_name (TrTraveller *traveller,
             const char  *cover_name)
{
  g_autofree char *name = tr_parser_compact (tr_traveller_get (traveller, TR_TRAVELLER_NAME));
  g_autofree char *clean = tr_parser_compact (cover_name);
  const char *rest;
  TrTravellerField field;

  if (!g_str_has_prefix (name, clean) || g_str_equal (name, clean))
    return;
  rest = name + strlen (clean);
  switch (word_kind (rest))
    {
    case WORD_TITLE:
      field = TR_TRAVELLER_TITLE;
      break;
    case WORD_ORGANISATION:
      field = *tr_traveller_get (traveller, TR_TRAVELLER_AGENCY) == '\0' ? TR_TRAVELLER_AGENCY : TR_TRAVELLER_UNIT;
      break;
    case WORD_NAME:
    case WORD_OTHER:
    default:
      field = TR_TRAVELLER_N_FIELDS;
      break;
    }
  if (field != TR_TRAVELLER_N_FIELDS && *tr_traveller_get (traveller, field) == '\0')
    tr_traveller_set (traveller, field, rest);
  tr_traveller_set (traveller, TR_TRAVELLER_NAME, clean);
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
          if (is_name (cover_name) && !is_name (tr_traveller_get (match, TR_TRAVELLER_NAME)))
            repair_name (match, cover_name);
          /* The form's values win; the cover's fill only its gaps. */
          for (guint f = 0; f < TR_TRAVELLER_N_FIELDS; f++)
            if (f != TR_TRAVELLER_NAME && *tr_traveller_get (match, f) == '\0')
              tr_traveller_set (match, f, tr_traveller_get (from_cover, f));
        }
      /* A person named on the cover alone is a traveller too; when the
       * form lists people, only a cover value that reads as a name is
       * taken, so that a misread cover line adds nobody. */
      else if (!form_lists_people || is_name (cover_name))
        g_ptr_array_add (self->travellers, g_object_ref (from_cover));
    }

  cover->current = NULL;
  g_ptr_array_set_size (cover->travellers, 0);
}

void
tr_traveller_reader_finish (TrTravellerReader *self,
                            GPtrArray         *travellers)
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
        g_ptr_array_add (travellers, g_object_ref (traveller));
    }
  self->current = NULL;
  g_ptr_array_set_size (self->travellers, 0);
}
