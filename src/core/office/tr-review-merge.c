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

/* The library's paragraphs of a section: its lines of text that are not
 * blank, and where each is among all its lines. */
typedef struct {
  GPtrArray *texts;
  GArray    *lines;    /* guint, the line of each of texts */
  guint      n_lines;
} Paragraphs;

static void
paragraphs_clear (Paragraphs *paragraphs)
{
  g_clear_pointer (&paragraphs->texts, g_ptr_array_unref);
  g_clear_pointer (&paragraphs->lines, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Paragraphs, paragraphs_clear)

static void
split_paragraphs (const char *text,
                  Paragraphs *paragraphs)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  paragraphs->texts = g_ptr_array_new_with_free_func (g_free);
  paragraphs->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  paragraphs->n_lines = g_strv_length (lines);
  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      {
        g_ptr_array_add (paragraphs->texts, g_strdup (lines[i]));
        g_array_append_val (paragraphs->lines, i);
      }
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

/* Pairs the runs of paragraphs that differ between two aligned places:
 * a paragraph replaced is one change, not a removal and an addition. */
static void
add_run (TrReviewMerge    *merge,
         TrSection         section,
         const Paragraphs *authors,
         guint             a_from,
         guint             a_to,
         GPtrArray        *reviewers,
         guint             r_from,
         guint             r_to,
         gboolean          conflict)
{
  /* Paragraphs added go before the next one both have, or at the end. */
  guint insert_at = a_to < authors->texts->len ? g_array_index (authors->lines, guint, a_to)
                                               : authors->n_lines;

  while (a_from < a_to || r_from < r_to)
    {
      add_change (merge, section,
                  a_from < a_to ? authors->texts->pdata[a_from] : NULL,
                  r_from < r_to ? reviewers->pdata[r_from] : NULL,
                  a_from < a_to ? g_array_index (authors->lines, guint, a_from) : insert_at,
                  conflict);
      a_from++;
      r_from++;
    }
}

static void
compare_section (TrReviewMerge    *merge,
                 TrSection         section,
                 const Paragraphs *authors,
                 GPtrArray        *reviewers,
                 gboolean          conflict)
{
  guint n = authors->texts->len, m = reviewers->len;
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) r = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *lengths = NULL;
  guint i = 0, j = 0, last_i = 0, last_j = 0;

  for (guint k = 0; k < n; k++)
    g_ptr_array_add (a, compact (authors->texts->pdata[k]));
  for (guint k = 0; k < m; k++)
    g_ptr_array_add (r, compact (reviewers->pdata[k]));

  if (n > MAX_ALIGNED_PARAGRAPHS || m > MAX_ALIGNED_PARAGRAPHS)
    {
      for (guint k = 0; k < MAX (n, m); k++)
        if (k >= n || k >= m || g_strcmp0 (a->pdata[k], r->pdata[k]) != 0)
          add_run (merge, section, authors, k, MIN (k + 1, n), reviewers, k, MIN (k + 1, m), conflict);
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
      GPtrArray *reviewers = tr_office_import_get_paragraphs (import, section);
      guint first = merge->changes->len;

      /* A section the file does not show was not found in it, rather
       * than emptied: nothing to compare. */
      if (reviewers->len == 0)
        continue;
      split_paragraphs (tr_report_get_section (report, section), &authors);
      compare_section (merge, section, &authors, reviewers, newer);
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

/* The lines of @text with the accepted changes of @section made. */
static char *
accept_in_section (TrReviewMerge  *merge,
                   TrSection       section,
                   const char     *text,
                   GError        **error)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);
  g_autofree const TrParagraphChange **replaced = g_new0 (const TrParagraphChange *, n_lines + 1);
  g_autoptr(GString) result = g_string_new (NULL);
  gboolean first = TRUE;

  for (guint i = 0; i < merge->changes->len; i++)
    {
      const TrParagraphChange *change = merge->changes->pdata[i];
      g_autofree char *now = NULL;

      if (change->section != section || change->choice != TR_MERGE_CHOICE_ACCEPT || change->author_text == NULL)
        continue;
      now = change->line < n_lines ? g_strstrip (g_strdup (lines[change->line])) : NULL;
      if (g_strcmp0 (now, change->author_text) != 0)
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("%s was changed since the reviewed file was read; nothing was merged"),
                       tr_section_get_heading (section));
          return NULL;
        }
      replaced[change->line] = change;
    }

  for (guint line = 0; line <= n_lines; line++)
    {
      /* What the reviewer added before this line, in their order. */
      for (guint i = 0; i < merge->changes->len; i++)
        {
          const TrParagraphChange *change = merge->changes->pdata[i];

          if (change->section == section && change->choice == TR_MERGE_CHOICE_ACCEPT &&
              change->author_text == NULL && change->line == line)
            {
              g_string_append_printf (result, "%s%s", first ? "" : "\n", change->reviewer_text);
              first = FALSE;
            }
        }
      if (line == n_lines)
        break;
      if (replaced[line] != NULL && replaced[line]->reviewer_text == NULL)
        continue;
      g_string_append_printf (result, "%s%s", first ? "" : "\n",
                              replaced[line] != NULL ? replaced[line]->reviewer_text : lines[line]);
      first = FALSE;
    }
  return g_string_free (g_steal_pointer (&result), FALSE);
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
      g_autofree char *text = NULL;
      gboolean any = FALSE;

      for (guint i = 0; i < merge->changes->len && !any; i++)
        {
          const TrParagraphChange *change = merge->changes->pdata[i];

          any = change->section == section && change->choice == TR_MERGE_CHOICE_ACCEPT;
        }
      if (!any)
        continue;
      /* Setting the text would drop the tables: those are edited by hand. */
      if (tr_body_get_n_tables (tr_report_get_body (accepted, TR_FIELD_FROM_SECTION (section))) > 0)
        {
          g_set_error (error, TR_ERROR, TR_ERROR_INVALID_DATA,
                       _("%s holds tables: change its text by hand"), tr_section_get_heading (section));
          return NULL;
        }
      text = accept_in_section (merge, section, tr_report_get_section (accepted, section), error);
      if (text == NULL)
        return NULL;
      tr_report_set_section (accepted, section, text);
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
  g_autoptr(TrReview) stored = NULL;
  g_autoptr(TrReport) accepted = NULL;
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

  if (merge->review != NULL && !tr_report_store_save_review (store, id, merge->review, error))
    return FALSE;
  if (accepted != NULL && text_first && !tr_report_store_save (store, accepted, error))
    return FALSE;
  if (merge->status_changed)
    {
      if ((stored = tr_report_store_load_review (store, id, error)) == NULL)
        return FALSE;
      if (tr_review_get_status (stored) == TR_REVIEW_STATUS_DRAFT &&
          !tr_report_store_set_status (store, id, TR_REVIEW_STATUS_SUBMITTED, error))
        return FALSE;
      if (!tr_report_store_set_status (store, id, merge->status, error))
        return FALSE;
    }
  if (accepted != NULL && !text_first && !tr_report_store_save (store, accepted, error))
    return FALSE;
  for (guint i = 0; i < merge->new_comments->len; i++)
    if (!is_decided_suggestion (merge, merge->new_comments->pdata[i]) &&
        !tr_report_store_add_comment (store, id, merge->new_comments->pdata[i], error))
      return FALSE;
  return TRUE;
}
