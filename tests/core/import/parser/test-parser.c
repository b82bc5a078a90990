/* test-parser.c: the structure of old reports, from their text
 *
 * A generator writes reports in the styles met in real ones (壹、 / 第一章 /
 * bare headings, 經過 or 議程內容及時程 for 過程, 心得與建議 with or without
 * sub-headings, a 目次 with dot leaders, a 提要 form with boxes, running
 * headers and page-number footers, two-line headings, mixed Latin and CJK,
 * lines broken mid-sentence), remembering what each section should hold.
 * The parser's result is compared character by character after whitespace
 * normalisation. Separate tests build laid-out lines by hand for what only
 * geometry can tell (font size, bold, right margin, header positions).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-parser.h"
#include "tr-warning.h"

/* test-parser --write-corpus DIR: writes a few small documents of each
 * style as seeds for the fuzzer (tests/fuzz/corpus). */
static int
write_corpus (const char *directory)
{
  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    for (guint seed = 1; seed <= 3; seed++)
      {
        g_autoptr(GenDoc) doc = NULL;
        g_autofree char *name = g_strdup_printf ("%s-%u.txt", styles[i].name, seed);
        g_autofree char *path = g_build_filename (directory, name, NULL);
        g_autoptr(GError) error = NULL;

        small_documents = TRUE;
        doc = gen_doc_new (&styles[i], seed);
        if (!g_file_set_contents (path, doc->text, -1, &error))
          {
            g_printerr ("%s\n", error->message);
            return 1;
          }
      }
  return 0;
}

/* Text comparison ------------------------------------------------------- */

/* Whitespace only matters between two ASCII characters ("World Cities"):
 * everywhere else a line break may have put or taken a space. Runs of
 * whitespace become one space there, and go everywhere else. */
GArray *
normalise (const char *text)
{
  GArray *out = g_array_new (FALSE, FALSE, sizeof (gunichar));
  gboolean pending_space = FALSE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c) || c == 0x3000)
        {
          pending_space = TRUE;
          continue;
        }
      if (pending_space && out->len > 0 && c < 0x80 &&
          g_array_index (out, gunichar, out->len - 1) < 0x80)
        {
          gunichar space = ' ';

          g_array_append_val (out, space);
        }
      pending_space = FALSE;
      g_array_append_val (out, c);
    }
  return out;
}

char *
normalised_string (const char *text)
{
  g_autoptr(GArray) chars = normalise (text);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chars->len; i++)
    g_string_append_unichar (out, g_array_index (chars, gunichar, i));
  return g_string_free (out, FALSE);
}

void
gen_line_free (gpointer data)
{
  GenLine *line = data;

  g_free (line->text);
  g_free (line);
}

void
add_line (GenDoc     *doc,
          LineKind    kind,
          const char *text)
{
  GenLine *line = g_new0 (GenLine, 1);

  line->kind = kind;
  line->text = g_strdup (text != NULL ? text : "");
  g_ptr_array_add (doc->lines, line);
}

const char *
pick (GenDoc             *doc,
      const char * const *words,
      guint               n_words)
{
  return words[g_rand_int_range (doc->rand, 0, n_words)];
}

/* A sentence, sometimes with Latin words in it. */
void
append_sentence (GenDoc  *doc,
                 GString *text)
{
  g_string_append (text, PICK (doc, subjects));
  g_string_append (text, PICK (doc, verbs));
  if (doc->style->latin && g_rand_int_range (doc->rand, 0, 3) == 0)
    {
      /* Spaced or not: both are met. */
      const char *space = g_rand_boolean (doc->rand) ? " " : "";

      g_string_append_printf (text, "%s%s%s", space, PICK (doc, latin_words), space);
    }
  g_string_append (text, PICK (doc, objects));
  if (doc->style->latin && g_rand_int_range (doc->rand, 0, 3) == 0)
    g_string_append_printf (text, "（%s）", PICK (doc, latin_words));
  if (g_rand_boolean (doc->rand))
    g_string_append_printf (text, "，%s", PICK (doc, tails));
  g_string_append (text, "。");
}

/* Fuzzer seeds want small documents: a sentence a paragraph. */
gboolean small_documents;

char *
make_paragraph (GenDoc *doc,
                guint   min_sentences,
                guint   max_sentences)
{
  GString *text = g_string_new (NULL);
  guint n = small_documents ? 1 : g_rand_int_range (doc->rand, min_sentences, max_sentences + 1);

  for (guint i = 0; i < n; i++)
    append_sentence (doc, text);
  return g_string_free (text, FALSE);
}

/* Breaks @text into lines of at most doc->width characters, as a word
 * processor would: anywhere between CJK characters, at spaces between
 * Latin words (the space goes). */
GPtrArray *
wrap (GenDoc     *doc,
      const char *text,
      const char *first_indent)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GString) line = g_string_new (first_indent);
  guint columns = g_utf8_strlen (first_indent, -1);
  const char *p = text;
  guint width = doc->width;

  while (*p != '\0')
    {
      gunichar c = g_utf8_get_char (p);
      const char *end = g_utf8_next_char (p);
      guint length = 1;

      /* A Latin word goes whole. */
      if (c < 0x80 && c != ' ')
        {
          while (*end != '\0' && (guchar) *end < 0x80 && *end != ' ')
            end++, length++;
        }
      if (c == ' ' && columns == 0)
        {
          p = end;
          continue;
        }
      /* Closing punctuation never opens a line: it hangs in the margin. */
      if (columns + length > width && columns > 0 && g_utf8_strchr ("。，、；：）」』？！", -1, c) != NULL)
        {
          g_string_append_len (line, p, end - p);
          columns += length;
          p = end;
          continue;
        }
      if (columns + length > width && columns > 0)
        {
          /* A ragged layout ends some lines a little early. */
          if (doc->style->ragged)
            width = doc->width - g_rand_int_range (doc->rand, 0, 4);
          /* The space before a wrapped word is the break. */
          while (line->len > 0 && line->str[line->len - 1] == ' ')
            g_string_truncate (line, line->len - 1);
          g_ptr_array_add (lines, g_strdup (line->str));
          g_string_truncate (line, 0);
          columns = 0;
          if (c == ' ')
            {
              p = end;
              continue;
            }
        }
      g_string_append_len (line, p, end - p);
      columns += length;
      p = end;
    }
  if (line->len > 0)
    g_ptr_array_add (lines, g_strdup (line->str));
  return lines;
}

/* A paragraph that belongs to @field. */
void
emit_paragraph (GenDoc     *doc,
                TrField     field,
                const char *text)
{
  g_autoptr(GPtrArray) lines = wrap (doc, text, doc->style->indent ? "　　" : "");

  for (guint i = 0; i < lines->len; i++)
    add_line (doc, LINE_CONTENT, g_ptr_array_index (lines, i));
  if (doc->style->blank_lines)
    add_line (doc, LINE_BLANK, NULL);

  if (field < TR_N_FIELDS)
    {
      if (doc->expected[field]->len > 0)
        g_string_append_c (doc->expected[field], '\n');
      g_string_append (doc->expected[field], text);
    }
}

/* A short line of its own (a sub-heading, a list item, a caption). */
void
emit_item (GenDoc     *doc,
           TrField     field,
           const char *text)
{
  g_autoptr(GPtrArray) lines = wrap (doc, text, "");

  for (guint i = 0; i < lines->len; i++)
    add_line (doc, LINE_CONTENT, g_ptr_array_index (lines, i));
  if (doc->expected[field]->len > 0)
    g_string_append_c (doc->expected[field], '\n');
  g_string_append (doc->expected[field], text);
}

void
page_break (GenDoc *doc)
{
  add_line (doc, LINE_PAGE_BREAK, NULL);
}

/* "壹、目的", "第一章 目的", "一、目的" or "目的" for the @n-th (0-based)
 * heading of the body. */
char *
heading_text (GenDoc     *doc,
              guint       n,
              const char *words)
{
  switch (doc->style->headings)
    {
    case HEADINGS_CAPITAL:
      return g_strdup_printf ("%s、%s", capital_numbers[n], words);
    case HEADINGS_CHAPTER:
      return g_strdup_printf ("第%s章 %s", chinese_numbers[n], words);
    case HEADINGS_CHINESE:
      return g_strdup_printf ("%s、%s", chinese_numbers[n], words);
    case HEADINGS_BARE:
    default:
      return g_strdup (words);
    }
}

/* Items inside a section are one level below its heading. */
char *
item_text (GenDoc     *doc,
           guint       n,
           const char *words)
{
  if (doc->style->headings == HEADINGS_CHINESE)
    return g_strdup_printf ("（%s）%s", chinese_numbers[n], words);
  return g_strdup_printf ("%s、%s", chinese_numbers[n], words);
}

void
emit_heading (GenDoc     *doc,
              const char *text)
{
  glong length = g_utf8_strlen (text, -1);

  if (doc->style->indent || doc->style->blank_lines)
    add_line (doc, LINE_BLANK, NULL);
  /* A heading too long for its line: the last characters wrap. */
  if (doc->style->two_line_headings && length >= 6)
    {
      const char *split = g_utf8_offset_to_pointer (text, length - 2);
      g_autofree char *first = g_strndup (text, split - text);

      add_line (doc, LINE_STRUCTURE, first);
      add_line (doc, LINE_STRUCTURE, split);
    }
  else
    add_line (doc, LINE_STRUCTURE, text);
}

/* The 提要 form and the cover ------------------------------------------- */

/* A date as a report might write it, and its ISO form. */
char *
write_date (GenDoc *doc,
            GDate  *date)
{
  guint year = g_date_get_year (date), month = g_date_get_month (date), day = g_date_get_day (date);
  static const char * const digits[] = { "〇", "一", "二", "三", "四", "五", "六", "七", "八", "九" };

  switch (g_rand_int_range (doc->rand, 0, 7))
    {
    case 0:
      return g_strdup_printf ("%u.%02u.%02u", year - 1911, month, day);
    case 1:
      return g_strdup_printf ("%u/%u/%u", year - 1911, month, day);
    case 2:
      return g_strdup_printf ("%u年%u月%u日", year, month, day);
    case 3:
      return g_strdup_printf ("%u-%02u-%02u", year, month, day);
    case 4:
      {
        /* 一〇五年七月九日: digit by digit for the year, words for the rest. */
        GString *text = g_string_new (NULL);
        g_autofree char *year_digits = g_strdup_printf ("%u", year - 1911);

        for (const char *p = year_digits; *p != '\0'; p++)
          g_string_append (text, digits[*p - '0']);
        g_string_append (text, "年");
        if (month >= 10)
          g_string_append_printf (text, "十%s", month > 10 ? digits[month - 10] : "");
        else
          g_string_append (text, digits[month]);
        g_string_append (text, "月");
        if (day >= 10)
          g_string_append_printf (text, "%s十%s", day >= 20 ? digits[day / 10] : "",
                                  day % 10 != 0 ? digits[day % 10] : "");
        else
          g_string_append (text, digits[day]);
        g_string_append (text, "日");
        return g_string_free (text, FALSE);
      }
    default:
      return g_strdup_printf ("%u年%u月%u日", year - 1911, month, day);
    }
}

char *
iso (GDate *date)
{
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

void
choose_form_values (GenDoc *doc)
{
  GDate start, end, report;
  guint n_travellers = g_rand_int_range (doc->rand, 1, 4);

  doc->fields[TR_FIELD_AGENCY] = g_strdup (PICK (doc, agencies));
  doc->fields[TR_FIELD_TITLE] = g_strdup_printf ("%s赴%s參加%s暨%s考察", doc->fields[TR_FIELD_AGENCY],
                                                 PICK (doc, destinations), PICK (doc, objects),
                                                 PICK (doc, objects));
  doc->fields[TR_FIELD_CONTACT] = g_strdup (PICK (doc, names));
  doc->fields[TR_FIELD_PHONE] = g_strdup_printf ("04-2228%04d", g_rand_int_range (doc->rand, 0, 10000));
  doc->fields[TR_FIELD_DESTINATION] = g_strdup (PICK (doc, destinations));
  doc->fields[TR_FIELD_CLASSIFICATION] = g_strdup_printf ("%c%d/綜合（%s）", 'A' + g_rand_int_range (doc->rand, 0, 6),
                                                          g_rand_int_range (doc->rand, 0, 10), PICK (doc, units));
  if (g_rand_int_range (doc->rand, 0, 3) == 0)
    {
      doc->fields[TR_FIELD_CATEGORY] = g_strdup ("其他");
      doc->fields[TR_FIELD_CATEGORY_OTHER] = g_strdup (PICK (doc, other_kinds));
    }
  else
    doc->fields[TR_FIELD_CATEGORY] = g_strdup (PICK (doc, categories));

  g_date_clear (&start, 1);
  g_date_set_dmy (&start, g_rand_int_range (doc->rand, 1, 29), g_rand_int_range (doc->rand, 1, 13),
                  g_rand_int_range (doc->rand, 2005, 2024));
  end = start;
  g_date_add_days (&end, g_rand_int_range (doc->rand, 1, 12));
  report = end;
  g_date_add_days (&report, g_rand_int_range (doc->rand, 10, 80));
  doc->fields[TR_FIELD_PERIOD_START] = iso (&start);
  doc->fields[TR_FIELD_PERIOD_END] = iso (&end);
  doc->fields[TR_FIELD_REPORT_DATE] = iso (&report);

  for (guint i = 0; i < n_travellers; i++)
    {
      char **traveller = g_new0 (char *, 6);

      traveller[0] = g_strdup (names[(g_rand_int_range (doc->rand, 0, 2) + i * 2) % G_N_ELEMENTS (names)]);
      traveller[1] = g_strdup (i == 0 ? doc->fields[TR_FIELD_AGENCY] : PICK (doc, agencies));
      traveller[2] = g_strdup (PICK (doc, units));
      traveller[3] = g_strdup (PICK (doc, job_titles));
      traveller[4] = g_strdup_printf ("02-2720%04d", g_rand_int_range (doc->rand, 0, 10000));
      g_ptr_array_add (doc->travellers, traveller);
    }
  for (guint i = 0; i < 3; i++)
    {
      const char *word = PICK (doc, keyword_pool);

      if (!g_ptr_array_find_with_equal_func (doc->keywords, word, g_str_equal, NULL))
        g_ptr_array_add (doc->keywords, g_strdup (word));
    }
  doc->has_attachments = g_rand_boolean (doc->rand);
  doc->pages = g_rand_int_range (doc->rand, 5, 60);
}

void
form_line (GenDoc     *doc,
           const char *text)
{
  add_line (doc, LINE_STRUCTURE, text);
}

void
gen_cover (GenDoc *doc)
{
  GDate start, end, report;
  const char * const *first = g_ptr_array_index (doc->travellers, 0);
  g_autofree char *category = g_strdup_printf ("出國報告（出國類別：%s）", doc->fields[TR_FIELD_CATEGORY]);
  g_autofree char *agency = g_strdup_printf ("服務機關：%s", first[1]);
  g_autofree char *person = g_strdup_printf ("姓名職稱：%s %s", first[0], first[3]);
  g_autofree char *where = g_strdup_printf ("派赴國家/地區：%s", doc->fields[TR_FIELD_DESTINATION]);
  g_autofree char *when = NULL, *start_text = NULL, *end_text = NULL, *report_text = NULL, *date = NULL;

  tr_date_parse_iso (doc->fields[TR_FIELD_PERIOD_START], &start);
  tr_date_parse_iso (doc->fields[TR_FIELD_PERIOD_END], &end);
  tr_date_parse_iso (doc->fields[TR_FIELD_REPORT_DATE], &report);
  start_text = write_date (doc, &start);
  end_text = write_date (doc, &end);
  report_text = write_date (doc, &report);
  when = g_strdup_printf ("出國期間：%s至%s", start_text, end_text);
  date = g_strdup_printf ("報告日期：%s", report_text);

  /* The category line keeps its words around the label: it stays as text.
   * The title is the title, unless a form gives it. */
  add_line (doc, LINE_CONTENT, category);
  add_line (doc, LINE_CONTENT, doc->fields[TR_FIELD_TITLE]);
  g_string_append_printf (doc->expected[TR_FIELD_UNCLASSIFIED], "%s%s",
                          doc->expected[TR_FIELD_UNCLASSIFIED]->len > 0 ? "\n" : "", category);
  if (doc->style->form)
    g_string_append_printf (doc->expected[TR_FIELD_UNCLASSIFIED], "\n%s", doc->fields[TR_FIELD_TITLE]);
  form_line (doc, agency);
  form_line (doc, person);
  form_line (doc, where);
  form_line (doc, when);
  form_line (doc, date);
  page_break (doc);
}

void
gen_travellers (GenDoc *doc)
{
  guint layout = g_rand_int_range (doc->rand, 0, 3);

  if (layout == 0)
    {
      /* 出國人員姓名/服務機關/單位/職稱/電話 張光瑤/臺中市政府/…, on one line
       * or one entry a line. */
      gboolean one_line = g_rand_boolean (doc->rand);
      g_autoptr(GString) line = g_string_new ("出國人員姓名/服務機關/單位/職稱/電話");

      for (guint i = 0; i < doc->travellers->len; i++)
        {
          char **t = g_ptr_array_index (doc->travellers, i);
          g_autofree char *entry = g_strdup_printf ("%s/%s/%s/%s/%s", t[0], t[1], t[2], t[3], t[4]);

          if (one_line)
            g_string_append_printf (line, " %s", entry);
          else
            {
              if (i == 0)
                form_line (doc, line->str);
              form_line (doc, entry);
            }
        }
      if (one_line)
        form_line (doc, line->str);
    }
  else if (layout == 1)
    {
      form_line (doc, "姓名 服務機關 單位 職稱 電話");
      for (guint i = 0; i < doc->travellers->len; i++)
        {
          char **t = g_ptr_array_index (doc->travellers, i);
          g_autofree char *row = g_strdup_printf ("%s %s %s %s %s", t[0], t[1], t[2], t[3], t[4]);

          form_line (doc, row);
        }
    }
  else
    {
      for (guint i = 0; i < doc->travellers->len; i++)
        {
          char **t = g_ptr_array_index (doc->travellers, i);
          g_autofree char *row = g_strdup_printf ("姓名：%s 服務機關：%s 單位：%s 職稱：%s 電話：%s",
                                                  t[0], t[1], t[2], t[3], t[4]);

          form_line (doc, row);
        }
    }
}

void
gen_category (GenDoc *doc)
{
  const char * const *boxes = box_styles[g_rand_int_range (doc->rand, 0, G_N_ELEMENTS (box_styles))];
  g_autoptr(GString) line = g_string_new ("出國類別：");
  gboolean other = g_str_equal (doc->fields[TR_FIELD_CATEGORY], "其他");
  gboolean old_list = g_rand_boolean (doc->rand);

  if (old_list && !other && g_strv_contains ((const char * const[]) { "考察", "進修", "研究", "實習", NULL },
                                            doc->fields[TR_FIELD_CATEGORY]) == FALSE)
    old_list = FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    {
      if (old_list && i >= 4)
        break;
      g_string_append_printf (line, "%s%s ", boxes[g_str_equal (categories[i], doc->fields[TR_FIELD_CATEGORY]) ? 0 : 1],
                              categories[i]);
    }
  g_string_append_printf (line, "%s其他", boxes[other ? 0 : 1]);
  if (old_list || other)
    {
      /* The sub-boxes of 其他. */
      g_string_append (line, "：");
      for (guint i = 0; i < G_N_ELEMENTS (other_kinds); i++)
        g_string_append_printf (line, " %s%s",
                                boxes[other && g_str_equal (other_kinds[i], doc->fields[TR_FIELD_CATEGORY_OTHER]) ? 0 : 1],
                                other_kinds[i]);
    }
  form_line (doc, line->str);
}

void
gen_form (GenDoc *doc)
{
  const char * const *boxes = box_styles[g_rand_int_range (doc->rand, 0, G_N_ELEMENTS (box_styles))];
  g_autofree char *title_line = g_strdup_printf ("出國報告名稱：%s", doc->fields[TR_FIELD_TITLE]);
  g_autoptr(GPtrArray) title_lines = wrap (doc, title_line, "");
  g_autofree char *pages = g_strdup_printf ("頁數：%u 含附件：%s是 %s否", doc->pages,
                                            boxes[doc->has_attachments ? 0 : 1], boxes[doc->has_attachments ? 1 : 0]);
  g_autofree char *agency = g_strdup_printf ("出國計畫主辦機關：%s", doc->fields[TR_FIELD_AGENCY]);
  g_autofree char *contact = g_strdup_printf ("聯絡人：%s 電話：%s", doc->fields[TR_FIELD_CONTACT],
                                              doc->fields[TR_FIELD_PHONE]);
  g_autofree char *where = g_strdup_printf ("出國地區：%s", doc->fields[TR_FIELD_DESTINATION]);
  g_autofree char *classification = g_strdup_printf ("分類號/目：%s", doc->fields[TR_FIELD_CLASSIFICATION]);
  g_autofree char *keywords = NULL, *joined_keywords = NULL;
  g_autofree char *when = NULL, *date = NULL, *start_text = NULL, *end_text = NULL, *report_text = NULL;
  GDate start, end, report;

  tr_date_parse_iso (doc->fields[TR_FIELD_PERIOD_START], &start);
  tr_date_parse_iso (doc->fields[TR_FIELD_PERIOD_END], &end);
  tr_date_parse_iso (doc->fields[TR_FIELD_REPORT_DATE], &report);
  start_text = write_date (doc, &start);
  end_text = write_date (doc, &end);
  report_text = write_date (doc, &report);
  when = g_strdup_printf ("出國期間：%s至%s", start_text, end_text);
  date = g_strdup_printf ("報告日期：%s", report_text);

  g_ptr_array_add (doc->keywords, NULL);
  joined_keywords = g_strjoinv ("、", (char **) doc->keywords->pdata);
  g_ptr_array_remove_index (doc->keywords, doc->keywords->len - 1);
  keywords = g_strdup_printf ("關鍵詞：%s", joined_keywords);

  form_line (doc, g_rand_boolean (doc->rand) ? "公務出國或赴大陸地區報告提要" : "行政院及所屬各機關出國報告提要");
  for (guint i = 0; i < title_lines->len; i++)
    form_line (doc, g_ptr_array_index (title_lines, i));
  form_line (doc, pages);
  form_line (doc, agency);
  form_line (doc, contact);
  gen_travellers (doc);
  gen_category (doc);
  form_line (doc, when);
  form_line (doc, where);
  form_line (doc, date);
  form_line (doc, classification);
  form_line (doc, keywords);

  if (doc->style->summary == SUMMARY_FORM)
    {
      g_autofree char *summary = make_paragraph (doc, 3, 6);

      form_line (doc, "內容摘要：");
      emit_paragraph (doc, TR_FIELD_SUMMARY, summary);
    }
  page_break (doc);
}

/* The body ----------------------------------------------------------------- */

void
gen_summary_page (GenDoc *doc)
{
  guint n = g_rand_int_range (doc->rand, 1, 3);

  emit_heading (doc, g_rand_boolean (doc->rand) ? "摘要" : "摘　　要");
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *paragraph = make_paragraph (doc, 2, 5);

      emit_paragraph (doc, TR_FIELD_SUMMARY, paragraph);
    }
  page_break (doc);
}

void
toc_entry (GenDoc     *doc,
           const char *leader,
           const char *heading,
           guint       page)
{
  g_autofree char *entry = g_strdup_printf ("%s%s%u", heading, leader, page);

  add_line (doc, LINE_CONTENT, entry);
  g_string_append_printf (doc->expected[TR_FIELD_UNCLASSIFIED], "%s%s",
                          doc->expected[TR_FIELD_UNCLASSIFIED]->len > 0 ? "\n" : "", entry);
}

const char *
combined_words (GenDoc *doc)
{
  static const char * const words[] = { "心得與建議", "心得及建議", "結論與建議" };

  return PICK (doc, words);
}

GArray *
body_headings (GenDoc *doc)
{
  GArray *headings = g_array_new (FALSE, TRUE, sizeof (BodyHeading));
  const Style *style = doc->style;
  BodyHeading heading;
  guint n = 0;

  heading = (BodyHeading) { heading_text (doc, n++, style->purpose), TR_FIELD_PURPOSE, FALSE };
  g_array_append_val (headings, heading);
  heading = (BodyHeading) { heading_text (doc, n++, style->process), TR_FIELD_PROCESS, FALSE };
  g_array_append_val (headings, heading);
  if (style->combined != COMBINED_NONE)
    {
      heading = (BodyHeading) { heading_text (doc, n++, combined_words (doc)), TR_FIELD_OBSERVATIONS, TRUE };
      g_array_append_val (headings, heading);
    }
  else
    {
      heading = (BodyHeading) { heading_text (doc, n++, style->observations), TR_FIELD_OBSERVATIONS, FALSE };
      g_array_append_val (headings, heading);
      heading = (BodyHeading) { heading_text (doc, n++, style->recommendations), TR_FIELD_RECOMMENDATIONS, FALSE };
      g_array_append_val (headings, heading);
    }
  if (style->appendix)
    {
      heading = (BodyHeading) { heading_text (doc, n++, "附錄"), TR_FIELD_APPENDIX, FALSE };
      g_array_append_val (headings, heading);
    }
  return headings;
}

void
clear_body_heading (gpointer data)
{
  g_free (((BodyHeading *) data)->text);
}

void
gen_toc (GenDoc *doc,
         GArray *headings)
{
  const char *leader = PICK (doc, leaders);
  guint page = 3;

  toc_entry (doc, "", g_rand_boolean (doc->rand) ? "目次" : "目　　次", 0);
  /* toc_entry wrote "目次0": the title has no page number. */
  {
    GenLine *title = g_ptr_array_index (doc->lines, doc->lines->len - 1);
    GString *expected = doc->expected[TR_FIELD_UNCLASSIFIED];

    title->text[strlen (title->text) - 1] = '\0';
    g_string_truncate (expected, expected->len - 1);
  }
  if (doc->style->summary == SUMMARY_PAGE)
    toc_entry (doc, leader, "摘要", 1);
  for (guint i = 0; i < headings->len; i++)
    {
      toc_entry (doc, leader, g_array_index (headings, BodyHeading, i).text, page);
      page += g_rand_int_range (doc->rand, 1, 5);
    }
  page_break (doc);
}

/* Two to four paragraphs, and a few numbered items. */
void
gen_section_text (GenDoc  *doc,
                  TrField  field)
{
  guint n = small_documents ? 1 : g_rand_int_range (doc->rand, 1, 3);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *paragraph = make_paragraph (doc, 2, 6);

      emit_paragraph (doc, field, paragraph);
    }
  n = small_documents ? 1 : g_rand_int_range (doc->rand, 0, 4);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *item = item_text (doc, i, PICK (doc, sub_headings));
      g_autofree char *paragraph = make_paragraph (doc, 1, 4);

      emit_item (doc, field, item);
      emit_paragraph (doc, field, paragraph);
      if (field == TR_FIELD_PROCESS && doc->style->captions && i == 0)
        {
          g_autofree char *caption = g_strdup_printf ("照片%u：%s與%s合影", i + 1, PICK (doc, subjects),
                                                      PICK (doc, subjects));

          emit_item (doc, field, caption);
        }
    }
}

void
gen_body (GenDoc *doc,
          GArray *headings)
{
  for (guint i = 0; i < headings->len; i++)
    {
      const BodyHeading *heading = &g_array_index (headings, BodyHeading, i);

      emit_heading (doc, heading->text);
      if (heading->field == TR_FIELD_APPENDIX)
        {
          g_autofree char *caption = g_strdup_printf ("照片1：%s%s", PICK (doc, subjects), PICK (doc, verbs));

          emit_item (doc, TR_FIELD_APPENDIX, caption);
          emit_item (doc, TR_FIELD_APPENDIX, "附件一：會議議程");
          emit_paragraph (doc, TR_FIELD_APPENDIX, "上午開幕典禮及專題演講，下午分組座談。");
          continue;
        }
      if (!heading->combined)
        {
          gen_section_text (doc, heading->field);
          continue;
        }

      if (doc->style->combined == COMBINED_UNSPLIT)
        {
          gen_section_text (doc, TR_FIELD_OBSERVATIONS);
          gen_section_text (doc, TR_FIELD_OBSERVATIONS);
          continue;
        }

      /* 心得與建議, then 一、心得 and 二、建議 under it. */
      if (g_rand_boolean (doc->rand))
        {
          g_autofree char *intro = make_paragraph (doc, 1, 3);

          emit_paragraph (doc, TR_FIELD_OBSERVATIONS, intro);
        }
      {
        g_autofree char *first = item_text (doc, 0, "心得");
        g_autofree char *second = item_text (doc, 1, "建議");

        emit_heading (doc, first);
        gen_section_text (doc, TR_FIELD_OBSERVATIONS);
        emit_heading (doc, second);
        gen_section_text (doc, TR_FIELD_RECOMMENDATIONS);
      }
    }
}

char *
page_number (FooterStyle footer,
             guint       page,
             guint       n_pages)
{
  switch (footer)
    {
    case FOOTER_PLAIN:
      return g_strdup_printf ("%u", page);
    case FOOTER_DASHES:
      return g_strdup_printf ("- %u -", page);
    case FOOTER_CHINESE:
      return g_strdup_printf ("第 %u 頁", page);
    case FOOTER_OF:
      return g_strdup_printf ("%u/%u", page, n_pages);
    case FOOTER_PAGE:
      return g_strdup_printf ("Page %u", page);
    case FOOTER_TIGHT:
      return g_strdup_printf ("-%u-", page);
    case FOOTER_TOTAL:
      return g_strdup_printf ("第%u頁，共%u頁", page, n_pages);
    case FOOTER_NONE:
    case N_FOOTERS:
    default:
      return NULL;
    }
}

/* Cuts the lines into pages, each with its header and footer. */
void
paginate (GenDoc *doc)
{
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GString) text = g_string_new (NULL);
  FooterStyle footer = doc->style->footer;
  GPtrArray *page = NULL;

  if (footer == N_FOOTERS)
    footer = (FooterStyle) g_rand_int_range (doc->rand, 1, N_FOOTERS);

  for (guint i = 0; i < doc->lines->len; i++)
    {
      GenLine *line = g_ptr_array_index (doc->lines, i);

      if (line->kind == LINE_PAGE_BREAK)
        {
          page = NULL;
          continue;
        }
      if (page == NULL || page->len >= doc->page_lines)
        {
          if (line->kind == LINE_BLANK)
            continue;
          page = g_ptr_array_new ();
          g_ptr_array_add (pages, page);
        }
      g_ptr_array_add (page, line);
    }

  for (guint p = 0; p < pages->len; p++)
    {
      GPtrArray *lines = g_ptr_array_index (pages, p);
      g_autofree char *number = page_number (footer, p + 1, pages->len);

      if (p > 0)
        g_string_append_c (text, '\f');
      if (doc->style->header)
        {
          g_autofree char *header = doc->style->numbered_header
                                    ? g_strdup_printf ("臺中市政府公務出國報告　第%u頁", p + 1)
                                    : g_strdup ("臺中市政府公務出國報告");

          g_string_append_printf (text, "%s\n", header);
          /* On a single page a header cannot be told from text: it stays. */
          if (pages->len == 1)
            {
              GString *unclassified = doc->expected[TR_FIELD_UNCLASSIFIED];

              g_string_prepend (unclassified, unclassified->len > 0 ? "\n" : "");
              g_string_prepend (unclassified, header);
              g_ptr_array_add (doc->content_lines, g_strdup (header));
            }
        }

      for (guint i = 0; i < lines->len; i++)
        {
          GenLine *line = g_ptr_array_index (lines, i);

          g_string_append_printf (text, doc->style->double_spaced ? "%s\n\n" : "%s\n", line->text);
          if (line->kind == LINE_CONTENT)
            g_ptr_array_add (doc->content_lines, g_strdup (line->text));
        }
      if (number != NULL)
        g_string_append_printf (text, "\n%s\n", number);
    }
  doc->text = g_string_free (g_steal_pointer (&text), FALSE);
  doc->n_pages = pages->len;
}

GenDoc *
gen_doc_new (const Style *style,
             guint32      seed)
{
  GenDoc *doc = g_new0 (GenDoc, 1);
  g_autoptr(GArray) headings = NULL;

  doc->style = style;
  doc->rand = g_rand_new_with_seed (seed);
  doc->width = g_rand_int_range (doc->rand, 18, 42);
  doc->page_lines = g_rand_int_range (doc->rand, 22, 46);
  doc->lines = g_ptr_array_new_with_free_func (gen_line_free);
  for (guint i = 0; i < TR_N_FIELDS; i++)
    doc->expected[i] = g_string_new (NULL);
  doc->form_values = g_ptr_array_new_with_free_func (g_free);
  doc->travellers = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  doc->keywords = g_ptr_array_new_with_free_func (g_free);
  doc->content_lines = g_ptr_array_new_with_free_func (g_free);

  choose_form_values (doc);
  headings = body_headings (doc);
  g_array_set_clear_func (headings, clear_body_heading);

  if (style->cover)
    gen_cover (doc);
  if (style->form)
    gen_form (doc);
  if (style->summary == SUMMARY_PAGE)
    gen_summary_page (doc);
  if (style->toc)
    gen_toc (doc, headings);
  gen_body (doc, headings);
  paginate (doc);
  return doc;
}

gboolean
has_warning_containing (TrReport   *report,
                        const char *needle)
{
  /* As the user reads them: the report keeps codes. */
  for (const char * const *w = tr_report_get_warnings (report); *w != NULL; w++)
    {
      g_autofree char *warning = tr_warning_format (*w);

      if (strstr (warning, needle) != NULL)
        return TRUE;
    }
  return FALSE;
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  if (argc == 3 && g_str_equal (argv[1], "--write-corpus"))
    return write_corpus (argv[2]);
  g_test_init (&argc, &argv, NULL);

  add_style_tests ();
  add_structure_tests ();
  add_layout_tests ();
  add_form_tests ();

  return g_test_run ();
}
