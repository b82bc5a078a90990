/* tr-review-merge.c: what a reviewed file brings back
 *
 * The reviewer's comments are added unless the library has them (the same
 * section, passage, text and author: a file imported twice adds nothing
 * the second time). The text is compared paragraph by paragraph, spaces
 * aside (the export sets a numbered line's marker apart with a tab): a
 * paragraph the file shows otherwise becomes a suggestion, a comment on
 * the author's paragraph, never a change of it. The review form's agency
 * side and decision are taken from the file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gi18n-lib.h>

#include "tr-error.h"
#include "tr-office-document.h"
#include "tr-review-merge.h"

/* Beyond this many paragraphs a section is compared in order, not by the
 * longest common subsequence, which takes their product in memory. */
#define MAX_ALIGNED_PARAGRAPHS 2000

static void
change_free (gpointer data)
{
  TrParagraphChange *change = data;

  g_free (change->author_text);
  g_free (change->reviewer_text);
  g_free (change);
}

void
tr_review_merge_free (TrReviewMerge *merge)
{
  if (merge == NULL)
    return;
  g_ptr_array_unref (merge->new_comments);
  g_ptr_array_unref (merge->changes);
  g_clear_object (&merge->review);
  g_free (merge);
}

static char *
compact (const char *text)
{
  GString *compacted = g_string_new (NULL);

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0x3000)
        g_string_append_unichar (compacted, c);
    }
  return g_string_free (compacted, FALSE);
}

/* Where a paragraph of the library's section is in its body: a line of a
 * text run, a table's caption or one of its rows. */
typedef enum {
  PLACE_LINE,
  PLACE_CAPTION,
  PLACE_ROW,
} PlaceKind;

typedef struct {
  PlaceKind kind;
  guint     index;     /* the run, or the table */
  guint     position;  /* the line in the run, or the row */
} Place;

/* The library's paragraphs of a section, as the exported file shows them:
 * the lines of its text runs that are not blank, and for each table its
 * caption (「表 N：…」) and its rows (cells tab-separated); where each
 * starts among the lines of the section's plain text, and its place in
 * the body. */
typedef struct {
  GPtrArray *texts;
  GArray    *lines;    /* guint, the line of each of texts */
  GArray    *places;   /* Place, of each of texts */
  guint      n_lines;
} Paragraphs;

static void
paragraphs_clear (Paragraphs *paragraphs)
{
  g_clear_pointer (&paragraphs->texts, g_ptr_array_unref);
  g_clear_pointer (&paragraphs->lines, g_array_unref);
  g_clear_pointer (&paragraphs->places, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Paragraphs, paragraphs_clear)

/* The section's plain text written again, to know where each paragraph
 * starts in it. */
typedef struct {
  GString *text;
  gsize    counted;  /* bytes of text whose line breaks are in n_breaks */
  guint    n_breaks;
} Plain;

static void
add_paragraph (Paragraphs *paragraphs,
               Plain      *plain,
               PlaceKind   kind,
               guint       index,
               guint       position,
               char       *text)
{
  Place place = { kind, index, position };

  for (; plain->counted < plain->text->len; plain->counted++)
    plain->n_breaks += plain->text->str[plain->counted] == '\n';
  g_ptr_array_add (paragraphs->texts, text);
  g_array_append_val (paragraphs->lines, plain->n_breaks);
  g_array_append_val (paragraphs->places, place);
}

/* A part of the plain text starts on a line of its own. */
static void
start_part (Plain *plain)
{
  if (plain->text->len > 0 && plain->text->str[plain->text->len - 1] != '\n')
    g_string_append_c (plain->text, '\n');
}

/* FALSE when the body is not laid out in its plain text as this expects:
 * its paragraphs are then not to be used, so that no change is put in the
 * wrong place. */
static gboolean
split_paragraphs (TrReport   *report,
                  TrSection   section,
                  Paragraphs *paragraphs)
{
  TrField field = TR_FIELD_FROM_SECTION (section);
  TrBody *body = tr_report_get_body (report, field);
  const char *plain_text = tr_body_get_plain_text (body);
  g_autoptr(GString) text = g_string_new (NULL);
  Plain plain = { text, 0, 0 };

  paragraphs->texts = g_ptr_array_new_with_free_func (g_free);
  paragraphs->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  paragraphs->places = g_array_new (FALSE, FALSE, sizeof (Place));
  paragraphs->n_lines = 1;
  for (const char *p = plain_text; *p != '\0'; p++)
    paragraphs->n_lines += *p == '\n';

  for (guint i = 0; i <= tr_body_get_n_tables (body); i++)
    {
      const char *run = tr_body_get_text_run (body, i);
      TrTable *table;
      guint number;

      if (run[0] != '\0')
        {
          g_auto(GStrv) lines = g_strsplit (run, "\n", -1);

          start_part (&plain);
          for (guint k = 0; lines[k] != NULL; k++)
            {
              g_autofree char *stripped = g_strstrip (g_strdup (lines[k]));

              if (k > 0)
                g_string_append_c (text, '\n');
              if (stripped[0] != '\0')
                add_paragraph (paragraphs, &plain, PLACE_LINE, i, k, g_steal_pointer (&stripped));
              g_string_append (text, lines[k]);
            }
        }
      if (i == tr_body_get_n_tables (body))
        break;

      table = tr_body_get_table (body, i);
      number = tr_report_get_table_number (report, field, i);
      start_part (&plain);
      if (tr_table_get_caption (table)[0] != '\0')
        {
          /* Numbered as the export writes it. */
          add_paragraph (paragraphs, &plain, PLACE_CAPTION, i, 0,
                         g_strdup_printf ("表 %u：%s", number, tr_table_get_caption (table)));
          g_string_append_printf (text, "%s\n", tr_table_get_caption (table));
        }
      for (guint row = 0; row < tr_table_get_n_rows (table); row++)
        {
          g_autoptr(GString) cells = g_string_new (NULL);

          if (row > 0)
            g_string_append_c (text, '\n');
          for (guint column = 0; column < tr_table_get_n_columns (table); column++)
            g_string_append_printf (cells, "%s%s", column > 0 ? "\t" : "", tr_table_get_cell (table, row, column));
          add_paragraph (paragraphs, &plain, PLACE_ROW, i, row, g_strdup (cells->str));
          g_string_append (text, cells->str);
        }
    }
  return g_str_equal (text->str, plain_text);
}

static void
add_change (TrReviewMerge *merge,
            TrSection      section,
            const char    *author_text,
            const char    *reviewer_text,
            guint          line,
            gboolean       conflict)
{
  TrParagraphChange *change = g_new0 (TrParagraphChange, 1);

  change->section = section;
  change->author_text = g_strdup (author_text);
  change->reviewer_text = g_strdup (reviewer_text);
  change->line = line;
  change->conflict = conflict;
  g_ptr_array_add (merge->changes, change);
}

/* The reviewer's paragraphs of a section, each with the kind of place it
 * can be compared with: a table's row, the caption just above a table, or
 * a line of text. */
typedef struct {
  GPtrArray *texts;
  GArray    *kinds;  /* PlaceKind */
} Incoming;

/* Pairs the paragraphs that differ between two aligned places, each with
 * the next of the same kind on the other side (a row with a row, a line
 * with a line): a paragraph replaced is one change, not a removal and an
 * addition. A paragraph added goes before the author's paragraph that
 * follows the last one paired before it. */
static void
add_run (TrReviewMerge    *merge,
         TrSection         section,
         const Paragraphs *authors,
         guint             a_from,
         guint             a_to,
         const Incoming   *reviewers,
         guint             r_from,
         guint             r_to,
         gboolean          conflict)
{
  /* Paragraphs added at the end go before the next one both have. */
  guint end = a_to < authors->texts->len ? g_array_index (authors->lines, guint, a_to) : authors->n_lines;
  guint next = a_from;  /* the author's paragraphs before it are decided */

  for (guint r = r_from; r < r_to; r++)
    {
      PlaceKind kind = g_array_index (reviewers->kinds, PlaceKind, r);
      guint a = next;

      while (a < a_to && g_array_index (authors->places, Place, a).kind != kind)
        a++;
      if (a == a_to)
        {
          add_change (merge, section, NULL, reviewers->texts->pdata[r],
                      next < a_to ? g_array_index (authors->lines, guint, next) : end, conflict);
          continue;
        }
      for (; next < a; next++)
        add_change (merge, section, authors->texts->pdata[next], NULL, g_array_index (authors->lines, guint, next),
                    conflict);
      add_change (merge, section, authors->texts->pdata[a], reviewers->texts->pdata[r],
                  g_array_index (authors->lines, guint, a), conflict);
      next = a + 1;
    }
  for (; next < a_to; next++)
    add_change (merge, section, authors->texts->pdata[next], NULL, g_array_index (authors->lines, guint, next),
                conflict);
}

/* A paragraph's text for comparing: its kind and its characters, spaces
 * aside. */
static char *
comparable (PlaceKind   kind,
            const char *text)
{
  g_autofree char *compacted = compact (text);

  return g_strdup_printf ("%c%s", "LCR"[kind], compacted);
}

static void
compare_section (TrReviewMerge    *merge,
                 TrSection         section,
                 const Paragraphs *authors,
                 const Incoming   *reviewers,
                 gboolean          conflict)
{
  guint n = authors->texts->len, m = reviewers->texts->len;
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) r = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *lengths = NULL;
  guint i = 0, j = 0, last_i = 0, last_j = 0;

  for (guint k = 0; k < n; k++)
    g_ptr_array_add (a, comparable (g_array_index (authors->places, Place, k).kind, authors->texts->pdata[k]));
  for (guint k = 0; k < m; k++)
    g_ptr_array_add (r, comparable (g_array_index (reviewers->kinds, PlaceKind, k), reviewers->texts->pdata[k]));

  if (n > MAX_ALIGNED_PARAGRAPHS || m > MAX_ALIGNED_PARAGRAPHS)
    {
      for (guint k = 0; k < MAX (n, m); k++)
        if (k >= n || k >= m || g_strcmp0 (a->pdata[k], r->pdata[k]) != 0)
          add_run (merge, section, authors, MIN (k, n), MIN (k + 1, n), reviewers, MIN (k, m), MIN (k + 1, m),
                   conflict);
      return;
    }

  /* lengths[i][j]: the longest common subsequence of a[i..] and r[j..]. */
  lengths = g_new0 (guint, (n + 1) * (m + 1));
  for (guint x = n; x-- > 0;)
    for (guint y = m; y-- > 0;)
      lengths[x * (m + 1) + y] = g_str_equal (a->pdata[x], r->pdata[y])
                                 ? lengths[(x + 1) * (m + 1) + y + 1] + 1
                                 : MAX (lengths[(x + 1) * (m + 1) + y], lengths[x * (m + 1) + y + 1]);
  while (i < n && j < m)
    {
      if (g_str_equal (a->pdata[i], r->pdata[j]))
        {
          add_run (merge, section, authors, last_i, i, reviewers, last_j, j, conflict);
          last_i = ++i;
          last_j = ++j;
        }
      else if (lengths[(i + 1) * (m + 1) + j] >= lengths[i * (m + 1) + j + 1])
        i++;
      else
        j++;
    }
  add_run (merge, section, authors, last_i, n, reviewers, last_j, m, conflict);
}

static gboolean
has_comment (GPtrArray *comments,
             TrComment *comment)
{
  for (guint i = 0; comments != NULL && i < comments->len; i++)
    {
      TrComment *other = comments->pdata[i];

      if (tr_comment_get_section (other) == tr_comment_get_section (comment) &&
          g_strcmp0 (tr_comment_get_quote (other), tr_comment_get_quote (comment)) == 0 &&
          g_strcmp0 (tr_comment_get_body (other), tr_comment_get_body (comment)) == 0 &&
          g_strcmp0 (tr_comment_get_author (other), tr_comment_get_author (comment)) == 0)
        return TRUE;
    }
  return FALSE;
}

static void
add_comment (TrReviewMerge *merge,
             GPtrArray     *library_comments,
             TrReport      *report,
             TrComment     *comment)
{
  g_autoptr(TrComment) placed = tr_comment_copy (comment);
  const char *text = tr_report_get_section (report, tr_comment_get_section (comment));
  guint start, end;

  tr_comment_set_id (placed, 0);
  /* Its place in the library's text, which may have moved since. */
  if (tr_comment_anchor (placed, text, &start, &end))
    tr_comment_set_range (placed, start, end);
  else
    tr_comment_set_range (placed, 0, 0);

  if (has_comment (library_comments, placed) || has_comment (merge->new_comments, placed))
    merge->n_duplicates++;
  else
    g_ptr_array_add (merge->new_comments, g_steal_pointer (&placed));
}

static TrComment *
suggestion_comment (TrReport                *report,
                    const TrParagraphChange *change,
                    const char              *author)
{
  const char *text = tr_report_get_section (report, change->section);
  g_autofree char *body = NULL;
  const char *quote = change->author_text != NULL ? change->author_text : "";
  const char *found = quote[0] != '\0' ? strstr (text, quote) : NULL;
  TrComment *comment;

  if (change->reviewer_text == NULL)
    body = g_strdup (_("Suggested: remove this paragraph"));
  else if (change->author_text == NULL)
    /* TRANSLATORS: the paragraph the reviewer added */
    body = g_strdup_printf (_("Suggested new paragraph: %s"), change->reviewer_text);
  else
    /* TRANSLATORS: the reviewer's text for the paragraph commented on */
    body = g_strdup_printf (_("Suggested text: %s"), change->reviewer_text);
  comment = tr_comment_new (change->section, 0, 0, quote, body, author);
  if (found != NULL)
    {
      guint start = g_utf8_pointer_to_offset (text, found);

      tr_comment_set_range (comment, start, start + g_utf8_strlen (quote, -1));
    }
  return comment;
}

TrReviewMerge *
tr_review_merge_new (TrReport        *report,
                     GPtrArray       *comments,
                     TrReview        *review,
                     TrOfficeImport  *import,
                     GError         **error)
{
  g_autoptr(TrReviewMerge) merge = NULL;
  TrReport *incoming;
  TrReview *incoming_review;
  GPtrArray *incoming_comments;
  const char *reviewer = NULL;
  gboolean newer;

  g_return_val_if_fail (TR_IS_REPORT (report), NULL);
  g_return_val_if_fail (TR_IS_REVIEW (review), NULL);
  g_return_val_if_fail (TR_IS_OFFICE_IMPORT (import), NULL);

  incoming = tr_office_import_get_report (import);
  if (!tr_office_import_has_identity (import) ||
      g_strcmp0 (tr_report_get_id (incoming), tr_report_get_id (report)) != 0)
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("The file is not a copy of report %s"),
                   tr_report_get_id (report));
      return NULL;
    }

  merge = g_new0 (TrReviewMerge, 1);
  merge->new_comments = g_ptr_array_new_with_free_func (g_object_unref);
  merge->changes = g_ptr_array_new_with_free_func (change_free);
  merge->status = tr_review_get_status (review);
  merge->from_status = merge->status;

  /* The decision first: one that cannot apply changes nothing. */
  incoming_review = tr_office_import_get_review (import);
  if (incoming_review != NULL)
    {
      TrReviewStatus decision = tr_review_get_status (incoming_review);

      merge->review = tr_review_copy (review);
      for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
        tr_review_set_answer (merge->review, item, TR_REVIEW_COLUMN_AGENCY,
                              tr_review_get_answer (incoming_review, item, TR_REVIEW_COLUMN_AGENCY));
      tr_review_set_return_reasons (merge->review, tr_review_get_return_reasons (incoming_review));
      tr_review_set_publication (merge->review, tr_review_get_publication (incoming_review));
      tr_review_set_publication_other (merge->review, tr_review_get_publication_other (incoming_review));
      tr_review_set_remarks (merge->review, tr_review_get_remarks (incoming_review));
      for (guint i = TR_REVIEW_SIGNATURE_UNIT_HEAD; i < TR_N_REVIEW_SIGNATURES; i++)
        if (tr_review_get_signature (incoming_review, i)[0] != '\0')
          tr_review_set_signature (merge->review, i, tr_review_get_signature (incoming_review, i));
      reviewer = tr_review_get_signature (incoming_review, TR_REVIEW_SIGNATURE_HEAD);

      if ((decision == TR_REVIEW_STATUS_RETURNED || decision == TR_REVIEW_STATUS_APPROVED) &&
          decision != merge->status)
        {
          /* The file went out for review: a draft counts as submitted. */
          TrReviewStatus from = merge->status == TR_REVIEW_STATUS_DRAFT ? TR_REVIEW_STATUS_SUBMITTED : merge->status;

          if (!tr_review_status_check_transition (from, decision, error))
            return NULL;
          merge->status = decision;
          merge->status_changed = TRUE;
        }
    }

  incoming_comments = tr_office_import_get_comments (import);
  for (guint i = 0; i < incoming_comments->len; i++)
    {
      add_comment (merge, comments, report, incoming_comments->pdata[i]);
      if (reviewer == NULL || reviewer[0] == '\0')
        reviewer = tr_comment_get_author (incoming_comments->pdata[i]);
    }

  /* The text: the author's stays; what differs is a suggestion on it. */
  newer = tr_office_import_get_revision (import) >= 0 &&
          g_date_time_to_unix (tr_report_get_modified (report)) > tr_office_import_get_revision (import);
  for (guint section = 0; section < TR_N_SECTIONS; section++)
    {
      g_auto(Paragraphs) authors = { 0 };
      g_autoptr(GArray) kinds = NULL;
      Incoming reviewers = { tr_office_import_get_paragraphs (import, section), NULL };
      guint first = merge->changes->len;

      /* A section the file does not show was not found in it, rather
       * than emptied: nothing to compare. */
      if (reviewers.texts->len == 0)
        continue;
      kinds = g_array_sized_new (FALSE, FALSE, sizeof (PlaceKind), reviewers.texts->len);
      for (guint i = 0; i < reviewers.texts->len; i++)
        {
          PlaceKind kind = PLACE_LINE;

          if (tr_office_import_is_table_row (import, section, i))
            kind = PLACE_ROW;
          else if (i + 1 < reviewers.texts->len && tr_office_import_is_table_row (import, section, i + 1) &&
                   tr_office_is_table_caption (reviewers.texts->pdata[i]))
            kind = PLACE_CAPTION;
          g_array_append_val (kinds, kind);
        }
      reviewers.kinds = kinds;
      if (!split_paragraphs (report, section, &authors))
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("%s could not be compared with the file"),
                       tr_section_get_heading (section));
          return NULL;
        }
      compare_section (merge, section, &authors, &reviewers, newer);
      for (guint i = first; i < merge->changes->len; i++)
        {
          TrParagraphChange *change = merge->changes->pdata[i];
          g_autoptr(TrComment) suggestion =
            suggestion_comment (report, change,
                                reviewer != NULL && reviewer[0] != '\0' ? reviewer : _("Reviewer"));

          if (has_comment (comments, suggestion) || has_comment (merge->new_comments, suggestion))
            merge->n_duplicates++;
          else
            {
              change->suggestion = suggestion;
              g_ptr_array_add (merge->new_comments, g_steal_pointer (&suggestion));
            }
        }
    }
  return g_steal_pointer (&merge);
}

TrReviewMerge *
tr_review_merge_new_for_store (TrReportStore   *store,
                               const char      *id,
                               TrOfficeImport  *import,
                               GError         **error)
{
  g_autoptr(TrReport) report = NULL;
  g_autoptr(GPtrArray) comments = NULL;
  g_autoptr(TrReview) review = NULL;

  g_return_val_if_fail (TR_IS_REPORT_STORE (store), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  if ((report = tr_report_store_load (store, id, error)) == NULL ||
      (comments = tr_report_store_list_comments (store, id, error)) == NULL ||
      (review = tr_report_store_load_review (store, id, error)) == NULL)
    return NULL;
  return tr_review_merge_new (report, comments, review, import, error);
}

gboolean
tr_review_merge_can_accept (TrReviewMerge *merge)
{
  g_return_val_if_fail (merge != NULL, FALSE);

  return merge->from_status == TR_REVIEW_STATUS_DRAFT || merge->from_status == TR_REVIEW_STATUS_RETURNED ||
         merge->status == TR_REVIEW_STATUS_RETURNED;
}

static gboolean
has_accepted (TrReviewMerge *merge)
{
  for (guint i = 0; i < merge->changes->len; i++)
    if (((TrParagraphChange *) merge->changes->pdata[i])->choice == TR_MERGE_CHOICE_ACCEPT)
      return TRUE;
  return FALSE;
}

/* Gives the row the reviewer's cells, refusing a row that no longer has
 * the table's columns rather than dropping or inventing cells. */
static gboolean
cells_of_row (TrTable     *table,
              guint        number,
              const char  *paragraph,
              GStrv       *out_cells,
              GError     **error)
{
  g_auto(GStrv) cells = g_strsplit (paragraph, "\t", -1);

  if (g_strv_length (cells) != tr_table_get_n_columns (table))
    {
      if (number > 0)
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                     _("A row of table %u has other columns in the file: change it by hand"), number);
      else
        g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                     _("A row of a table has other columns in the file: change it by hand"));
      return FALSE;
    }
  *out_cells = g_steal_pointer (&cells);
  return TRUE;
}

/* Whether @text, added by the reviewer before paragraph @at, is a row of
 * the table there: inside it, or just after its last row when its cells
 * are tab-separated. */
static gboolean
is_added_row (const Paragraphs *authors,
              guint             at,
              const char       *text)
{
  if (at < authors->places->len &&
      g_array_index (authors->places, Place, at).kind == PLACE_ROW &&
      g_array_index (authors->places, Place, at).position > 0)
    return TRUE;
  return at > 0 && g_array_index (authors->places, Place, at - 1).kind == PLACE_ROW && strchr (text, '\t') != NULL;
}

/* Adds @text as a paragraph at the end of @run, before its last line break
 * if it ends with one (a table follows it there). */
static void
append_paragraph (GString    *run,
                  const char *text)
{
  if (run->len > 0 && run->str[run->len - 1] == '\n')
    {
      g_autofree char *line = g_strconcat (run->len > 1 ? "\n" : "", text, NULL);

      g_string_insert (run, run->len - 1, line);
    }
  else
    g_string_append_printf (run, "%s%s", run->len > 0 ? "\n" : "", text);
}

static void
free_string (gpointer string)
{
  g_string_free (string, TRUE);
}

/* The accepted changes of @section made in @report's body: the lines of its
 * text runs, and the captions and rows of its tables. Nothing is changed
 * when one cannot be made. */
static gboolean
accept_in_section (TrReviewMerge  *merge,
                   TrReport       *report,
                   TrSection       section,
                   GError        **error)
{
  TrField field = TR_FIELD_FROM_SECTION (section);
  TrBody *body = tr_report_get_body (report, field);
  g_autoptr(TrBody) result = tr_body_copy (body);
  g_auto(Paragraphs) authors = { 0 };
  guint n_runs = tr_body_get_n_tables (body) + 1;
  g_autoptr(GPtrArray) runs = g_ptr_array_new_with_free_func (free_string);
  /* For each paragraph of the section, and one past the last: the change
   * made to it, and what the reviewer added before it, in their order. */
  g_autofree const TrParagraphChange **replaced = NULL;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  guint at = 0;

  if (!split_paragraphs (report, section, &authors))
    {
      g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA, _("%s could not be compared with the file"),
                   tr_section_get_heading (section));
      return FALSE;
    }
  replaced = g_new0 (const TrParagraphChange *, authors.texts->len + 1);
  for (guint i = 0; i <= authors.texts->len; i++)
    g_ptr_array_add (added, g_ptr_array_new ());

  for (guint i = 0; i < merge->changes->len; i++)
    {
      const TrParagraphChange *change = merge->changes->pdata[i];

      if (change->section != section || change->choice != TR_MERGE_CHOICE_ACCEPT)
        continue;
      for (at = 0; at < authors.texts->len && g_array_index (authors.lines, guint, at) < change->line; at++)
        ;
      if (change->author_text == NULL)
        g_ptr_array_add (added->pdata[at], (gpointer) change);
      /* The paragraph must still be what the merge saw. */
      else if (at == authors.texts->len || g_array_index (authors.lines, guint, at) != change->line ||
               g_strcmp0 (authors.texts->pdata[at], change->author_text) != 0)
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("%s was changed since the reviewed file was read; nothing was merged"),
                       tr_section_get_heading (section));
          return FALSE;
        }
      else
        replaced[at] = change;
    }

  /* The runs, line by line, with the paragraphs added before each line. */
  at = 0;
  for (guint i = 0; i < n_runs; i++)
    {
      g_auto(GStrv) lines = g_strsplit (tr_body_get_text_run (body, i), "\n", -1);
      GString *run = g_string_new (NULL);
      gboolean started = FALSE;

      g_ptr_array_add (runs, run);
      if (tr_body_get_text_run (body, i)[0] == '\0')
        continue;
      for (guint k = 0; lines[k] != NULL; k++)
        {
          const Place *place;

          while (at < authors.texts->len &&
                 (g_array_index (authors.places, Place, at).kind != PLACE_LINE ||
                  g_array_index (authors.places, Place, at).index < i ||
                  (g_array_index (authors.places, Place, at).index == i &&
                   g_array_index (authors.places, Place, at).position < k)))
            at++;
          place = at < authors.texts->len ? &g_array_index (authors.places, Place, at) : NULL;
          if (place != NULL && place->kind == PLACE_LINE && place->index == i && place->position == k)
            {
              GPtrArray *before = added->pdata[at];

              for (guint j = 0; j < before->len; j++)
                {
                  const char *text = ((TrParagraphChange *) before->pdata[j])->reviewer_text;

                  if (!is_added_row (&authors, at, text))
                    {
                      g_string_append_printf (run, "%s%s", started ? "\n" : "", text);
                      started = TRUE;
                    }
                }
              if (replaced[at] != NULL)
                {
                  if (replaced[at]->reviewer_text != NULL)
                    {
                      g_string_append_printf (run, "%s%s", started ? "\n" : "", replaced[at]->reviewer_text);
                      started = TRUE;
                    }
                  continue;
                }
            }
          g_string_append_printf (run, "%s%s", started ? "\n" : "", lines[k]);
          started = TRUE;
        }
    }

  /* The tables, from the last paragraph up so that rows still to change
   * keep their numbers. Paragraphs added before a table's caption or first
   * row end the run before it; those after the section's last paragraph
   * end its last run. */
  for (at = authors.texts->len + 1; at-- > 0;)
    {
      const Place *place = at < authors.texts->len ? &g_array_index (authors.places, Place, at) : NULL;
      GPtrArray *before = added->pdata[at];
      TrTable *table = place != NULL && place->kind != PLACE_LINE ? tr_body_get_table (result, place->index) : NULL;
      guint number = table != NULL ? tr_report_get_table_number (report, field, place->index) : 0;

      if (table != NULL && replaced[at] != NULL && place->kind == PLACE_CAPTION)
        {
          g_autofree char *caption = replaced[at]->reviewer_text != NULL ? tr_office_table_caption_text (replaced[at]->reviewer_text)
                                                                         : NULL;

          tr_table_set_caption (table, caption);
        }
      else if (table != NULL && replaced[at] != NULL && replaced[at]->reviewer_text == NULL)
        {
          if (tr_table_get_n_rows (table) == 1)
            {
              g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                           _("The file has a table of %s removed: remove it by hand"),
                           tr_section_get_heading (section));
              return FALSE;
            }
          tr_table_remove_row (table, place->position);
        }
      else if (table != NULL && replaced[at] != NULL)
        {
          g_auto(GStrv) cells = NULL;

          if (!cells_of_row (table, number, replaced[at]->reviewer_text, &cells, error))
            return FALSE;
          for (guint c = 0; cells[c] != NULL; c++)
            tr_table_set_cell (table, place->position, c, cells[c]);
        }

      for (guint j = before->len; j-- > 0;)
        {
          const char *text = ((TrParagraphChange *) before->pdata[j])->reviewer_text;
          g_auto(GStrv) cells = NULL;
          TrTable *into = table;
          guint row;

          if (!is_added_row (&authors, at, text))
            continue;
          if (place != NULL && place->kind == PLACE_ROW && place->position > 0)
            row = place->position;
          else
            {
              const Place *last = &g_array_index (authors.places, Place, at - 1);

              into = tr_body_get_table (result, last->index);
              number = tr_report_get_table_number (report, field, last->index);
              row = tr_table_get_n_rows (into);
            }
          if (!cells_of_row (into, number, text, &cells, error))
            return FALSE;
          tr_table_insert_row (into, row, (const char * const *) cells);
        }
      if (place == NULL || place->kind != PLACE_LINE)
        for (guint j = 0; j < before->len; j++)
          {
            const char *text = ((TrParagraphChange *) before->pdata[j])->reviewer_text;

            if (!is_added_row (&authors, at, text))
              append_paragraph (runs->pdata[place != NULL ? place->index : n_runs - 1], text);
          }
    }

  for (guint i = 0; i < n_runs; i++)
    tr_body_set_text_run (result, i, ((GString *) runs->pdata[i])->str);
  tr_body_replace (body, result);
  return TRUE;
}

TrReport *
tr_review_merge_accept_text (TrReviewMerge  *merge,
                             TrReport       *report,
                             GError        **error)
{
  g_autoptr(TrReport) accepted = NULL;

  g_return_val_if_fail (merge != NULL, NULL);
  g_return_val_if_fail (TR_IS_REPORT (report), NULL);

  accepted = tr_report_copy (report);
  for (guint section = 0; section < TR_N_SECTIONS; section++)
    {
      gboolean any = FALSE;

      for (guint i = 0; i < merge->changes->len && !any; i++)
        {
          const TrParagraphChange *change = merge->changes->pdata[i];

          any = change->section == section && change->choice == TR_MERGE_CHOICE_ACCEPT;
        }
      if (any && !accept_in_section (merge, accepted, section, error))
        return NULL;
    }
  return g_steal_pointer (&accepted);
}

/* A suggestion whose change was decided is not added. */
static gboolean
is_decided_suggestion (TrReviewMerge *merge,
                       TrComment     *comment)
{
  for (guint i = 0; i < merge->changes->len; i++)
    {
      const TrParagraphChange *change = merge->changes->pdata[i];

      if (change->suggestion == comment)
        return change->choice != TR_MERGE_CHOICE_SUGGEST;
    }
  return FALSE;
}

guint
tr_review_merge_count_comments (TrReviewMerge *merge)
{
  guint n = 0;

  g_return_val_if_fail (merge != NULL, 0);

  for (guint i = 0; i < merge->new_comments->len; i++)
    if (!is_decided_suggestion (merge, merge->new_comments->pdata[i]))
      n++;
  return n;
}

gboolean
tr_review_merge_apply (TrReviewMerge  *merge,
                       TrReportStore  *store,
                       const char     *id,
                       GError        **error)
{
  g_autoptr(TrReport) accepted = NULL;
  g_autoptr(GPtrArray) comments = g_ptr_array_new ();
  TrReviewRound round = { 0 };
  gboolean text_first = FALSE;

  g_return_val_if_fail (merge != NULL, FALSE);
  g_return_val_if_fail (TR_IS_REPORT_STORE (store), FALSE);

  /* Everything that can refuse does so before anything is written. */
  if (has_accepted (merge))
    {
      g_autoptr(TrReport) report = NULL;

      if (!tr_review_merge_can_accept (merge))
        {
          g_set_error (error, TR_ERROR, TR_ERROR_REPORT_LOCKED,
                       _("The report is in review or approved: the reviewer's text can only be kept as suggestions"));
          return FALSE;
        }
      if ((report = tr_report_store_load (store, id, error)) == NULL ||
          (accepted = tr_review_merge_accept_text (merge, report, error)) == NULL)
        return FALSE;
      text_first = merge->from_status == TR_REVIEW_STATUS_DRAFT || merge->from_status == TR_REVIEW_STATUS_RETURNED;
    }

  round.report = accepted;
  round.report_after_status = !text_first;
  round.review = merge->review;
  round.move_status = merge->status_changed;
  round.status = merge->status;
  round.comments = comments;
  for (guint i = 0; i < merge->new_comments->len; i++)
    if (!is_decided_suggestion (merge, merge->new_comments->pdata[i]))
      g_ptr_array_add (comments, merge->new_comments->pdata[i]);
  /* All of it or, if anything fails, nothing. */
  return tr_report_store_save_review_round (store, id, &round, error);
}
