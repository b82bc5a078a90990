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

/* The library's paragraphs of a section: its lines of text. */
static GPtrArray *
split_paragraphs (const char *text)
{
  GPtrArray *paragraphs = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_strstrip (lines[i])[0] != '\0')
      g_ptr_array_add (paragraphs, g_strdup (lines[i]));
  return paragraphs;
}

static void
add_change (TrReviewMerge *merge,
            TrSection      section,
            const char    *author_text,
            const char    *reviewer_text,
            gboolean       conflict)
{
  TrParagraphChange *change = g_new0 (TrParagraphChange, 1);

  change->section = section;
  change->author_text = g_strdup (author_text);
  change->reviewer_text = g_strdup (reviewer_text);
  change->conflict = conflict;
  g_ptr_array_add (merge->changes, change);
}

/* Pairs the runs of paragraphs that differ between two aligned places:
 * a paragraph replaced is one change, not a removal and an addition. */
static void
add_run (TrReviewMerge *merge,
         TrSection      section,
         GPtrArray     *authors,
         guint          a_from,
         guint          a_to,
         GPtrArray     *reviewers,
         guint          r_from,
         guint          r_to,
         gboolean       conflict)
{
  while (a_from < a_to || r_from < r_to)
    {
      add_change (merge, section,
                  a_from < a_to ? authors->pdata[a_from] : NULL,
                  r_from < r_to ? reviewers->pdata[r_from] : NULL,
                  conflict);
      a_from++;
      r_from++;
    }
}

static void
compare_section (TrReviewMerge *merge,
                 TrSection      section,
                 GPtrArray     *authors,
                 GPtrArray     *reviewers,
                 gboolean       conflict)
{
  guint n = authors->len, m = reviewers->len;
  g_autoptr(GPtrArray) a = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) r = g_ptr_array_new_with_free_func (g_free);
  g_autofree guint *lengths = NULL;
  guint i = 0, j = 0, last_i = 0, last_j = 0;

  for (guint k = 0; k < n; k++)
    g_ptr_array_add (a, compact (authors->pdata[k]));
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
      g_autoptr(GPtrArray) authors = split_paragraphs (tr_report_get_section (report, section));
      GPtrArray *reviewers = tr_office_import_get_paragraphs (import, section);
      guint first = merge->changes->len;

      /* A section the file does not show was not found in it, rather
       * than emptied: nothing to compare. */
      if (reviewers->len == 0)
        continue;
      compare_section (merge, section, authors, reviewers, newer);
      for (guint i = first; i < merge->changes->len; i++)
        {
          g_autoptr(TrComment) suggestion =
            suggestion_comment (report, merge->changes->pdata[i],
                                reviewer != NULL && reviewer[0] != '\0' ? reviewer : _("Reviewer"));

          if (has_comment (comments, suggestion) || has_comment (merge->new_comments, suggestion))
            merge->n_duplicates++;
          else
            g_ptr_array_add (merge->new_comments, g_steal_pointer (&suggestion));
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
tr_review_merge_apply (TrReviewMerge  *merge,
                       TrReportStore  *store,
                       const char     *id,
                       GError        **error)
{
  g_autoptr(TrReview) stored = NULL;

  g_return_val_if_fail (merge != NULL, FALSE);
  g_return_val_if_fail (TR_IS_REPORT_STORE (store), FALSE);

  if (merge->review != NULL && !tr_report_store_save_review (store, id, merge->review, error))
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
  for (guint i = 0; i < merge->new_comments->len; i++)
    if (!tr_report_store_add_comment (store, id, merge->new_comments->pdata[i], error))
      return FALSE;
  return TRUE;
}
