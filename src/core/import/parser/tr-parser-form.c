/* tr-parser-form.c
 *
 * The 提要 form is a table; extracted as text its cells arrive as lines
 * such as 「出國報告名稱：…」, 「聯絡人：… 電話：…」, 「出國類別：□考察 ■開會」,
 * sometimes a label alone with its value on the next line, and the
 * travellers either as "姓名/服務機關/單位/職稱" entries or as the rows of a
 * table under a header row. The cover has a few labelled lines too.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-form.h"

#include <string.h>

#include "tr-parser-text.h"
#include "tr-parser-travellers.h"
#include "tr-parser-values.h"

typedef enum {
  LABEL_TITLE,
  LABEL_PAGES,
  LABEL_ATTACHMENTS,
  LABEL_AGENCY,
  LABEL_CONTACT,
  LABEL_PHONE,
  LABEL_TRAVELLER_NAMES,
  LABEL_NAME,
  LABEL_TRAVELLER_AGENCY,
  LABEL_UNIT,
  LABEL_JOB_TITLE,
  LABEL_NAME_TITLE,
  LABEL_TITLE_NAME,
  LABEL_CATEGORY,
  LABEL_PERIOD,
  LABEL_DESTINATION,
  LABEL_REPORT_DATE,
  LABEL_CLASSIFICATION,
  LABEL_KEYWORDS,
  LABEL_SUMMARY,
} Label;

typedef struct {
  const char *text;
  Label       label;
  /* Strong labels are unmistakable: they may stand without a colon in
   * the middle of a line of the form. */
  gboolean    strong;
} LabelInfo;

static const LabelInfo labels[] = {
  { "出國報告名稱", LABEL_TITLE, TRUE },
  { "報告名稱", LABEL_TITLE, TRUE },
  { "計畫名稱", LABEL_TITLE, FALSE },
  { "頁數", LABEL_PAGES, TRUE },
  { "含附件", LABEL_ATTACHMENTS, TRUE },
  { "出國計畫主辦機關", LABEL_AGENCY, TRUE },
  { "計畫主辦機關", LABEL_AGENCY, TRUE },
  { "主辦機關", LABEL_AGENCY, TRUE },
  { "聯絡人", LABEL_CONTACT, TRUE },
  { "聯絡電話", LABEL_PHONE, TRUE },
  { "電話", LABEL_PHONE, TRUE },
  { "出國人員姓名", LABEL_TRAVELLER_NAMES, TRUE },
  { "出國人員", LABEL_TRAVELLER_NAMES, TRUE },
  { "出國人姓名", LABEL_TRAVELLER_NAMES, FALSE },
  { "出國人", LABEL_TRAVELLER_NAMES, FALSE },
  { "服務機關職稱姓名", LABEL_TITLE_NAME, FALSE },
  { "服務機關及職稱姓名", LABEL_TITLE_NAME, FALSE },
  { "機關職稱姓名", LABEL_TITLE_NAME, FALSE },
  { "單位職稱姓名", LABEL_TITLE_NAME, FALSE },
  { "服務單位職稱姓名", LABEL_TITLE_NAME, FALSE },
  { "職稱及姓名", LABEL_TITLE_NAME, FALSE },
  { "姓名及職稱", LABEL_NAME_TITLE, FALSE },
  { "姓名職稱", LABEL_NAME_TITLE, FALSE },
  { "職稱姓名", LABEL_TITLE_NAME, FALSE },
  { "姓名", LABEL_NAME, FALSE },
  { "服務機關", LABEL_TRAVELLER_AGENCY, FALSE },
  { "機關名稱", LABEL_TRAVELLER_AGENCY, FALSE },
  { "服務機構", LABEL_TRAVELLER_AGENCY, FALSE },
  { "服務單位", LABEL_UNIT, FALSE },
  { "單位", LABEL_UNIT, FALSE },
  { "職稱", LABEL_JOB_TITLE, FALSE },
  { "出國類別", LABEL_CATEGORY, TRUE },
  { "類別", LABEL_CATEGORY, FALSE },
  { "出國期間", LABEL_PERIOD, TRUE },
  { "出國日期", LABEL_PERIOD, TRUE },
  { "出國起迄日期", LABEL_PERIOD, TRUE },
  { "期間", LABEL_PERIOD, FALSE },
  { "出國地區", LABEL_DESTINATION, TRUE },
  { "出國地點", LABEL_DESTINATION, TRUE },
  { "出國國家", LABEL_DESTINATION, TRUE },
  { "派赴國家/地區", LABEL_DESTINATION, TRUE },
  { "派赴國家／地區", LABEL_DESTINATION, TRUE },
  { "派赴國家", LABEL_DESTINATION, TRUE },
  { "前往地區", LABEL_DESTINATION, TRUE },
  { "地區", LABEL_DESTINATION, FALSE },
  { "地點", LABEL_DESTINATION, FALSE },
  { "報告日期", LABEL_REPORT_DATE, TRUE },
  { "報告繳交日期", LABEL_REPORT_DATE, TRUE },
  { "分類號/目", LABEL_CLASSIFICATION, TRUE },
  { "分類號／目", LABEL_CLASSIFICATION, TRUE },
  { "分類號", LABEL_CLASSIFICATION, TRUE },
  { "關鍵詞", LABEL_KEYWORDS, TRUE },
  { "關鍵字", LABEL_KEYWORDS, TRUE },
  { "內容摘要", LABEL_SUMMARY, TRUE },
  { "摘要", LABEL_SUMMARY, FALSE },
};

struct _TrFormReader
{
  TrParsedReport    *report;  /* the parser's, not ours */
  /* The form's 出國人員 are the travellers; the cover's labels (職稱姓名
   * …) only fill in what the form left out, so they are read apart. */
  TrTravellerReader *form_travellers;
  TrTravellerReader *cover_travellers;
  TrTravellerReader *travellers;  /* one of the two, for the current line */

  /* A value read inside the form wins over one read on the cover. */
  gboolean           filled[TR_N_FIELDS];
  gboolean           filled_in_form[TR_N_FIELDS];

  gboolean           has_pending;
  Label              pending;
  /* The last value read, which the next line may carry on. */
  gboolean           has_last;
  Label              last_label;
  GString           *last_value;
  gboolean           phone_for_traveller;

  guint              n_labelled;

  /* A label that wrapped in its narrow cell, its value beside a middle
   * line: the lines read of it so far (出國計), and once its value is
   * read, the rest of it still to come on a line of its own (機關). */
  GString           *label_head;
  char              *label_tail;
  /* A label's start that more than one label has (聯絡: 聯絡人 or
   * 聯絡電話) and the value beside its middle line, until the line with
   * the label's end (人) says which it is. */
  char              *orphan_head;
  char              *orphan_value;
};

TrFormReader *
tr_form_reader_new (TrParsedReport *report)
{
  TrFormReader *self = g_new0 (TrFormReader, 1);

  self->report = report;
  self->form_travellers = tr_traveller_reader_new ();
  self->cover_travellers = tr_traveller_reader_new ();
  self->travellers = self->cover_travellers;
  self->last_value = g_string_new (NULL);
  self->label_head = g_string_new (NULL);
  return self;
}

void
tr_form_reader_free (TrFormReader *self)
{
  if (self == NULL)
    return;
  tr_traveller_reader_free (self->form_travellers);
  tr_traveller_reader_free (self->cover_travellers);
  g_string_free (self->last_value, TRUE);
  g_string_free (self->label_head, TRUE);
  g_free (self->label_tail);
  g_free (self->orphan_head);
  g_free (self->orphan_value);
  g_free (self);
}

void
tr_form_reader_interrupt (TrFormReader *self)
{
  self->has_pending = FALSE;
  self->has_last = FALSE;
  g_string_truncate (self->label_head, 0);
  g_clear_pointer (&self->label_tail, g_free);
  g_clear_pointer (&self->orphan_head, g_free);
  g_clear_pointer (&self->orphan_value, g_free);
  tr_traveller_reader_interrupt (self->form_travellers);
  tr_traveller_reader_interrupt (self->cover_travellers);
}

guint
tr_form_reader_get_n_labelled (TrFormReader *self)
{
  return self->n_labelled;
}

/* Fields */

static void
set_field (TrFormReader *self,
           TrField       field,
           const char   *value,
           gboolean      in_form)
{
  if (value == NULL || *value == '\0')
    return;
  if (self->filled[field] && !(in_form && !self->filled_in_form[field]))
    return;

  tr_parsed_report_set_text (self->report, field, value);
  self->filled[field] = TRUE;
  self->filled_in_form[field] |= in_form;
}

static void
append_to_field (TrFormReader *self,
                 TrField       field,
                 const char   *text)
{
  g_autoptr(GString) value = g_string_new (tr_parsed_report_get_text (self->report, field));

  tr_parser_append_continuation (value, text);
  tr_parsed_report_set_text (self->report, field, value->str);
  self->filled[field] = TRUE;
}

static gboolean
read_category (TrFormReader *self,
               const char   *value,
               gboolean      in_form)
{
  g_autofree char *category = NULL, *other = NULL;
  gboolean complete = tr_parser_read_category (value, &category, &other);

  set_field (self, TR_FIELD_CATEGORY, category, in_form);
  set_field (self, TR_FIELD_CATEGORY_OTHER, other, in_form);
  return complete;
}

static gboolean
read_keywords (TrFormReader *self,
               const char   *value)
{
  g_auto(GStrv) words = tr_parser_split_list (value);

  for (guint i = 0; words[i] != NULL; i++)
    if (!g_ptr_array_find_with_equal_func (self->report->keywords, words[i], g_str_equal, NULL))
      g_ptr_array_add (self->report->keywords, g_strdup (words[i]));
  return TRUE;
}

static void
set_traveller_field (TrFormReader     *self,
                     TrTravellerField  field,
                     const char       *value)
{
  tr_traveller_reader_set (self->travellers, field, value);
  self->phone_for_traveller = TRUE;
}

/* 電話 is the contact's after 聯絡人, a traveller's among their values. */
static void
read_phone (TrFormReader *self,
            const char   *value,
            gboolean      in_form)
{
  g_autofree char *clean = tr_parser_clean_value (value);
  TrTraveller *traveller = tr_traveller_reader_get_current (self->travellers);

  if (*clean == '\0')
    return;
  if (traveller != NULL && (self->phone_for_traveller || self->filled[TR_FIELD_PHONE]))
    tr_traveller_set (traveller, TR_TRAVELLER_PHONE, clean);
  else
    set_field (self, TR_FIELD_PHONE, clean, in_form);
}

static TrField
text_field_of (Label label)
{
  switch (label)
    {
    case LABEL_TITLE:
      return TR_FIELD_TITLE;
    case LABEL_AGENCY:
      return TR_FIELD_AGENCY;
    case LABEL_CONTACT:
      return TR_FIELD_CONTACT;
    case LABEL_DESTINATION:
      return TR_FIELD_DESTINATION;
    case LABEL_CLASSIFICATION:
      return TR_FIELD_CLASSIFICATION;
    default:
      return TR_N_FIELDS;
    }
}

/* Stores @value under @label; FALSE when part of it could not be stored. */
static gboolean
read_value (TrFormReader *self,
            Label         label,
            const char   *value,
            gboolean      in_form)
{
  TrField field = text_field_of (label);
  g_autofree char *first = NULL, *second = NULL;
  gboolean complete, known, yes;
  guint pages;

  if (field != TR_N_FIELDS)
    {
      g_autofree char *clean = tr_parser_clean_value (value);

      set_field (self, field, clean, in_form);
      if (label == LABEL_CONTACT)
        self->phone_for_traveller = FALSE;
      return TRUE;
    }

  switch (label)
    {
    case LABEL_PAGES:
      complete = tr_parser_read_pages (value, &pages);
      if (pages > 0)
        self->report->pages = pages;
      return complete;
    case LABEL_ATTACHMENTS:
      complete = tr_parser_read_yes_no (value, &known, &yes);
      if (known)
        self->report->has_attachments = yes;
      return complete;
    case LABEL_PHONE:
      read_phone (self, value, in_form);
      return TRUE;
    case LABEL_TRAVELLER_NAMES:
      /* The form's list may hold names that do not read as Chinese ones;
       * on the cover only what reads as people is taken. */
      if (!tr_traveller_reader_read_header (self->travellers, value) &&
          tr_traveller_reader_read_people (self->travellers, value, FALSE, 1) == 0 &&
          self->travellers == self->form_travellers)
        tr_traveller_reader_read_names (self->travellers, value);
      self->phone_for_traveller = TRUE;
      return TRUE;
    case LABEL_NAME:
      /* 「姓名：王小明、李大華」, 「姓名：王小明 科長」: people and their titles;
       * a name that reads as none is taken as it is. */
      if (tr_traveller_reader_read_people (self->travellers, value, TRUE, 1) == 0)
        set_traveller_field (self, TR_TRAVELLER_NAME, value);
      self->phone_for_traveller = TRUE;
      return TRUE;
    case LABEL_TRAVELLER_AGENCY:
      set_traveller_field (self, TR_TRAVELLER_AGENCY, value);
      return TRUE;
    case LABEL_UNIT:
      set_traveller_field (self, TR_TRAVELLER_UNIT, value);
      return TRUE;
    case LABEL_JOB_TITLE:
      set_traveller_field (self, TR_TRAVELLER_TITLE, value);
      return TRUE;
    case LABEL_NAME_TITLE:
    case LABEL_TITLE_NAME:
      if (!tr_traveller_reader_read_header (self->travellers, value) &&
          tr_traveller_reader_read_people (self->travellers, value, FALSE, 1) == 0)
        tr_traveller_reader_read_name_and_title (self->travellers, value, label == LABEL_NAME_TITLE);
      self->phone_for_traveller = TRUE;
      return TRUE;
    case LABEL_CATEGORY:
      return read_category (self, value, in_form);
    case LABEL_PERIOD:
      complete = tr_parser_read_period (value, &first, &second);
      set_field (self, TR_FIELD_PERIOD_START, first, in_form);
      set_field (self, TR_FIELD_PERIOD_END, second, in_form);
      return complete;
    case LABEL_REPORT_DATE:
      complete = tr_parser_read_date_value (value, &first);
      set_field (self, TR_FIELD_REPORT_DATE, first, in_form);
      return complete;
    case LABEL_KEYWORDS:
      return read_keywords (self, value);
    case LABEL_TITLE:
    case LABEL_AGENCY:
    case LABEL_CONTACT:
    case LABEL_DESTINATION:
    case LABEL_CLASSIFICATION:
    case LABEL_SUMMARY:
    default:
      return TRUE;
    }
}

/* Labels */

typedef struct {
  const LabelInfo *info;
  const char      *start;
  const char      *value;
} Found;

/* Where a table cell may start: the start of the line, after a space, a
 * box or a bracket. */
static gboolean
at_cell_start (const char *line,
               const char *p)
{
  const char *prev;
  gunichar c;

  if (p == line)
    return TRUE;
  prev = g_utf8_find_prev_char (line, p);
  c = g_utf8_get_char (prev);
  return tr_parser_is_space (c) || g_utf8_strchr ("（(「[■□☑☐>", -1, c) != NULL;
}

static const LabelInfo *
match_label (const char  *p,
             const char **out_end)
{
  const LabelInfo *best = NULL;
  gsize best_length = 0;

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      const char *end;

      if (tr_parser_match_spaced (p, labels[i].text, &end) && strlen (labels[i].text) > best_length)
        {
          best = &labels[i];
          best_length = strlen (labels[i].text);
          *out_end = end;
        }
    }
  return best;
}

/* Finds the labels of @text. A label needs a colon after it, except at
 * the start of a line of the form, or for the unmistakable ones in a cell
 * of their own there. */
static void
find_labels (const char *text,
             gboolean    in_form,
             GArray     *found)
{
  const char *line_start = tr_parser_skip_spaces (text);

  for (const char *p = line_start; *p != '\0';)
    {
      const char *end = NULL, *after;
      const LabelInfo *info = match_label (p, &end);
      gboolean cell_start, accepted = FALSE, colon = FALSE;

      if (info == NULL)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      cell_start = at_cell_start (line_start, p);
      after = tr_parser_skip_spaces (end);
      if (g_str_has_prefix (after, "：") || *after == ':')
        {
          colon = TRUE;
          after = tr_parser_skip_spaces (g_utf8_next_char (after));
          accepted = cell_start || g_utf8_strlen (info->text, -1) >= 3;
        }
      else if (p == line_start && (*after == '/' || g_str_has_prefix (after, "／")) &&
               (info->label == LABEL_TRAVELLER_NAMES || info->label == LABEL_NAME))
        accepted = TRUE;  /* "出國人員姓名/服務機關/單位/職稱": the travellers' columns */
      else if (memchr (end, '\t', after - end) != NULL)
        accepted = cell_start;  /* a tab between cells: the reader's mark of a table */
      else if (in_form && (p == line_start || (cell_start && info->strong)))
        accepted = *after == '\0' || after != end || tr_parser_starts_with_box (after);

      if (!accepted)
        {
          p = g_utf8_next_char (p);
          continue;
        }

      {
        Found entry = { info, p, colon ? after : tr_parser_skip_spaces (end) };

        g_array_append_val (found, entry);
      }
      /* The summary runs to the end of the form: no labels inside it. */
      if (info->label == LABEL_SUMMARY)
        break;
      p = g_array_index (found, Found, found->len - 1).value;
    }
}

/* Remembers @value as the last one read, for a line that carries it on. */
static void
remember (TrFormReader *self,
          Label         label,
          const char   *value)
{
  self->has_last = TRUE;
  self->last_label = label;
  g_string_assign (self->last_value, value);
}

/* A line without labels after a value: the rest of a long title or list
 * of keywords, the boxes of the category that did not fit on one line. */
static gboolean
carry_on (TrFormReader *self,
          const char   *line,
          TrFormFlags   flags,
          gboolean     *out_complete)
{
  TrField field;

  if (!self->has_last)
    return FALSE;

  switch (self->last_label)
    {
    case LABEL_TITLE:
      if (!(flags & (TR_FORM_CONTINUES | TR_FORM_ADJACENT)) || tr_parser_ends_sentence (self->last_value->str))
        return FALSE;
      append_to_field (self, TR_FIELD_TITLE, line);
      tr_parser_append_continuation (self->last_value, line);
      return TRUE;

    case LABEL_KEYWORDS:
      if (!(flags & (TR_FORM_CONTINUES | TR_FORM_ADJACENT)))
        return FALSE;
      return read_keywords (self, line);

    case LABEL_TRAVELLER_NAMES:
    case LABEL_NAME:
    case LABEL_NAME_TITLE:
    case LABEL_TITLE_NAME:
      /* More people on the next line, when it holds nothing else. */
      if (!(flags & (TR_FORM_CONTINUES | TR_FORM_ADJACENT)))
        return FALSE;
      return tr_traveller_reader_read_people (self->travellers, line, TRUE, 1) > 0;

    case LABEL_CATEGORY:
      if (!(flags & (TR_FORM_CONTINUES | TR_FORM_ADJACENT)) || !tr_parser_starts_with_box (tr_parser_skip_spaces (line)))
        return FALSE;
      g_string_append_c (self->last_value, ' ');
      g_string_append (self->last_value, line);
      *out_complete = read_category (self, self->last_value->str, TRUE);
      return TRUE;

    default:
      field = text_field_of (self->last_label);
      if (field == TR_N_FIELDS || !(flags & TR_FORM_CONTINUES))
        return FALSE;
      append_to_field (self, field, line);
      tr_parser_append_continuation (self->last_value, line);
      return TRUE;
    }
}

static TrFormLine
read_unlabelled_line (TrFormReader  *self,
                      const char    *line,
                      TrFormFlags    flags,
                      gboolean      *out_complete,
                      const char   **out_rest)
{
  if (tr_traveller_reader_read_entries (self->travellers, line, out_complete))
    return TR_FORM_LINE_READ;

  if (self->has_pending)
    {
      self->has_pending = FALSE;
      if (self->pending == LABEL_SUMMARY)
        {
          *out_rest = line;
          return TR_FORM_LINE_SUMMARY;
        }
      *out_complete = read_value (self, self->pending, line, TRUE);
      remember (self, self->pending, line);
      return TR_FORM_LINE_READ;
    }

  if (carry_on (self, line, flags, out_complete))
    return TR_FORM_LINE_READ;

  self->has_last = FALSE;
  return TR_FORM_LINE_NONE;
}

/* The label that @head (without spaces) starts, and is not the whole of:
 * NULL when none, or when labels of different fields start so. */
static const LabelInfo *
label_started_by (const char *head)
{
  const LabelInfo *found = NULL;

  if (g_utf8_strlen (head, -1) < 2)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    {
      if (!g_str_has_prefix (labels[i].text, head) || g_str_equal (labels[i].text, head))
        continue;
      if (found != NULL && found->label != labels[i].label)
        return NULL;
      /* The shortest: its rest is what the next line must hold. */
      if (found == NULL || strlen (labels[i].text) < strlen (found->text))
        found = &labels[i];
    }
  return found;
}

/* Whether @head (without spaces) starts labels of different fields. */
static gboolean
starts_several_labels (const char *head)
{
  const LabelInfo *found = NULL;

  if (g_utf8_strlen (head, -1) < 2)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_has_prefix (labels[i].text, head) && !g_str_equal (labels[i].text, head))
      {
        if (found != NULL && found->label != labels[i].label)
          return TRUE;
        found = &labels[i];
      }
  return FALSE;
}

static const LabelInfo *
label_named (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].text, text))
      return &labels[i];
  return NULL;
}

/* Where the value starts in @line once the first @n_chars letters (the
 * label's, maybe spaced out) are skipped. */
static const char *
skip_letters (const char *line,
              glong       n_chars)
{
  const char *p = tr_parser_skip_spaces (line);

  for (glong n = 0; n < n_chars && *p != '\0'; n++)
    p = tr_parser_skip_spaces (g_utf8_next_char (p));
  return p;
}

/* The summary's label wrapped in its cell, its text from @rest on: the
 * summary starts there, the label's end may still come on the next line. */
static TrFormLine
start_wrapped_summary (TrFormReader *self,
                       const char   *rest,
                       const char  **out_rest)
{
  self->n_labelled++;
  self->has_pending = FALSE;
  self->has_last = FALSE;
  *out_rest = rest;
  return TR_FORM_LINE_SUMMARY;
}

/* A line of the form that goes on, or ends, a label wrapped in its cell:
 * TR_FORM_LINE_NONE when it was not read so. */
static TrFormLine
read_wrapped_label (TrFormReader *self,
                    const char   *line,
                    gboolean     *out_complete,
                    const char  **out_rest)
{
  g_autofree char *joined = tr_parser_join_spaced_letters (line);
  g_autofree char *compact = tr_parser_compact (joined);
  const char *value;
  g_autofree char *first = NULL, *head = NULL, *clean = NULL, *was = NULL;
  const LabelInfo *info = NULL;

  value = tr_parser_skip_spaces (joined);
  while (*value != '\0' && !tr_parser_is_space (g_utf8_get_char (value)))
    value = g_utf8_next_char (value);
  first = g_strndup (joined, value - joined);
  clean = tr_parser_trim (value);

  if (self->label_tail != NULL)
    {
      g_autofree char *tail = g_steal_pointer (&self->label_tail);

      if (g_str_equal (compact, tail))
        return TR_FORM_LINE_READ;
      /* The label's end beside the rest of its value (出國報告名⇥…出,
       * then 稱⇥國報告). */
      if (g_str_equal (first, tail) && *clean != '\0')
        return carry_on (self, clean, TR_FORM_CONTINUES | TR_FORM_ADJACENT, out_complete)
               ? TR_FORM_LINE_READ : TR_FORM_LINE_NONE;
    }

  if (self->label_head->len == 0)
    {
      /* The first line of a wrapped label: the label's start alone, or
       * its value in the next cell (出國地⇥日本, then 區). */
      if (label_started_by (compact) != NULL || starts_several_labels (compact))
        {
          g_string_assign (self->label_head, compact);
          return TR_FORM_LINE_READ;
        }
      if (*clean == '\0' || (info = label_started_by (first)) == NULL)
        return TR_FORM_LINE_NONE;
      /* Without a tab between them, only the summary's label is told
       * from its text: most of the label, then prose (內 容 摘 本團…). */
      if (strchr (joined, '\t') == NULL && (info->label != LABEL_SUMMARY || g_utf8_strlen (first, -1) < 3))
        return TR_FORM_LINE_NONE;
      self->label_tail = g_strdup (info->text + strlen (first));
      /* 內容摘, its text beside, then 要 beside the rest of it. */
      if (info->label == LABEL_SUMMARY)
        return start_wrapped_summary (self, skip_letters (line, g_utf8_strlen (first, -1)), out_rest);
      self->n_labelled++;
      self->has_pending = FALSE;
      *out_complete = read_value (self, info->label, clean, TRUE);
      remember (self, info->label, clean);
      return TR_FORM_LINE_READ;
    }

  /* The next line starts with more of the label, maybe its value after. */
  was = g_strdup (self->label_head->str);
  head = g_strconcat (was, first, NULL);
  g_string_truncate (self->label_head, 0);

  for (guint i = 0; i < G_N_ELEMENTS (labels) && info == NULL; i++)
    if (g_str_equal (labels[i].text, head))
      info = &labels[i];
  if (info == NULL)
    {
      info = label_started_by (head);
      /* A value beside the middle line of a label whose start does not
       * tell which it is: kept for the line with the label's end. */
      if (info == NULL && strchr (joined, '\t') != NULL && starts_several_labels (was))
        {
          g_free (self->orphan_head);
          g_free (self->orphan_value);
          self->orphan_head = g_steal_pointer (&was);
          self->orphan_value = g_strdup (first);
        }
      if (info == NULL)
        return TR_FORM_LINE_NONE;
      if (*clean == '\0')
        {
          g_string_assign (self->label_head, head);
          return TR_FORM_LINE_READ;
        }
      self->label_tail = g_strdup (info->text + strlen (head));
    }

  if (info->label == LABEL_SUMMARY)
    return start_wrapped_summary (self, skip_letters (line, g_utf8_strlen (first, -1)), out_rest);

  self->n_labelled++;
  self->has_pending = FALSE;
  self->has_last = FALSE;
  if (*clean == '\0')
    {
      self->has_pending = TRUE;
      self->pending = info->label;
      return TR_FORM_LINE_READ;
    }
  *out_complete = read_value (self, info->label, clean, TRUE);
  remember (self, info->label, clean);
  return TR_FORM_LINE_READ;
}

TrFormLine
tr_form_reader_read_line (TrFormReader  *self,
                          const char    *text,
                          TrFormFlags    flags,
                          gboolean      *out_complete,
                          const char   **out_rest)
{
  g_autoptr(GArray) found = g_array_new (FALSE, FALSE, sizeof (Found));
  gboolean complete = TRUE;
  gboolean in_form, after_category;
  const char *line_start;
  g_autofree char *lead = NULL, *orphan_head = NULL, *orphan_value = NULL;

  g_return_val_if_fail (self != NULL && text != NULL, TR_FORM_LINE_NONE);

  *out_complete = TRUE;
  *out_rest = NULL;
  in_form = (flags & TR_FORM_IN_FORM) || self->n_labelled >= 2;
  self->travellers = (flags & TR_FORM_IN_FORM) ? self->form_travellers : self->cover_travellers;
  line_start = tr_parser_skip_spaces (text);

  /* The end of a label whose value came on the line before (人, after
   * 聯絡 and 林怡君⇥電話⇥…). */
  orphan_head = g_steal_pointer (&self->orphan_head);
  orphan_value = g_steal_pointer (&self->orphan_value);
  if (orphan_head != NULL && (flags & TR_FORM_IN_FORM))
    {
      g_autofree char *compact = tr_parser_compact (line_start);
      g_autofree char *label = g_strconcat (orphan_head, compact, NULL);
      const LabelInfo *info = label_named (label);

      if (info != NULL && info->label != LABEL_SUMMARY)
        {
          self->n_labelled++;
          *out_complete = read_value (self, info->label, orphan_value, TRUE);
          return TR_FORM_LINE_READ;
        }
    }

  /* A header row of column names reads like labels without values. */
  if (tr_traveller_reader_read_table (self->travellers, line_start))
    {
      self->has_last = FALSE;
      self->has_pending = FALSE;
      return TR_FORM_LINE_READ;
    }

  /* A label wrapped in its cell: 「出國計」, then 「畫主辦 交通部」, then 「機關」. */
  if ((flags & TR_FORM_IN_FORM) && (self->label_head->len > 0 || self->label_tail != NULL))
    {
      TrFormLine read = read_wrapped_label (self, line_start, out_complete, out_rest);

      if (read != TR_FORM_LINE_NONE)
        return read;
    }

  find_labels (text, in_form, found);
  if (found->len == 0)
    {
      if (flags & TR_FORM_IN_FORM)
        {
          TrFormLine read = read_wrapped_label (self, line_start, out_complete, out_rest);

          if (read != TR_FORM_LINE_NONE)
            return read;
        }
      return read_unlabelled_line (self, line_start, flags, out_complete, out_rest);
    }
  g_string_truncate (self->label_head, 0);
  g_clear_pointer (&self->label_tail, g_free);

  after_category = in_form && self->has_last && self->last_label == LABEL_CATEGORY;
  self->n_labelled++;
  self->has_pending = FALSE;
  self->has_last = FALSE;
  tr_traveller_reader_interrupt (self->travellers);

  /* Text before the first label is not a field's: keep it. */
  lead = g_strndup (line_start, g_array_index (found, Found, 0).start - line_start);
  if (!tr_parser_is_filler (lead))
    complete = FALSE;

  for (guint i = 0; i < found->len; i++)
    {
      const Found *entry = &g_array_index (found, Found, i);
      const char *value_end = i + 1 < found->len ? g_array_index (found, Found, i + 1).start
                                                 : entry->value + strlen (entry->value);
      g_autofree char *raw = g_strndup (entry->value, value_end - entry->value);
      g_autofree char *value = tr_parser_trim (raw);

      if (entry->info->label == LABEL_SUMMARY)
        {
          *out_complete = complete;
          *out_rest = entry->value;
          return TR_FORM_LINE_SUMMARY;
        }

      if ((entry->info->label == LABEL_TRAVELLER_NAMES || entry->info->label == LABEL_NAME) &&
          *entry->value == '/')
        {
          gboolean entries_complete = TRUE;

          if (tr_traveller_reader_read_columns (self->travellers, entry->start, &entries_complete))
            {
              self->phone_for_traveller = TRUE;
              *out_complete = complete && entries_complete;
              return TR_FORM_LINE_READ;
            }
        }

      /* The category's last boxes, pushed beside the next row's label
       * (出國人員⇥☑其他): not that row's value. */
      if (after_category && i == 0 && entry->info->label != LABEL_CATEGORY && tr_parser_starts_with_box (value))
        {
          g_string_append_c (self->last_value, ' ');
          g_string_append (self->last_value, value);
          complete &= read_category (self, self->last_value->str, TRUE);
          continue;
        }

      if (*value == '\0')
        {
          /* A label alone: in the form its value is on the next line. */
          if (i + 1 == found->len && in_form)
            {
              self->has_pending = TRUE;
              self->pending = entry->info->label;
            }
          continue;
        }
      complete &= read_value (self, entry->info->label, value, in_form);
      if (i + 1 == found->len)
        remember (self, entry->info->label, value);
    }

  *out_complete = complete;
  return TR_FORM_LINE_READ;
}

const char *
tr_form_reader_skip_label_end (TrFormReader *self,
                               const char   *text)
{
  g_autofree char *tail = NULL;
  const char *end;

  g_return_val_if_fail (self != NULL && text != NULL, text);

  tail = g_steal_pointer (&self->label_tail);
  text = tr_parser_skip_spaces (text);
  if (tail == NULL || !tr_parser_match_spaced (text, tail, &end))
    return text;
  /* The label's end alone in its cell, not the start of a word. */
  if (*end != '\0' && !tr_parser_is_space (g_utf8_get_char (end)))
    return text;
  return tr_parser_skip_spaces (end);
}

void
tr_form_reader_finish (TrFormReader *self)
{
  tr_traveller_reader_add_cover (self->form_travellers, self->cover_travellers);
  tr_traveller_reader_finish (self->form_travellers, self->report->travellers);
}
