/* tr-office-review-form.c
 *
 * The copy sent for review carries the form as tables (tr-document-review.c):
 * a row per item, its label then 是 and 否 of the traveller's column, then
 * of the agency's, the options of items 8 and 9 in the label's cell, each
 * after its box. Writer and Word keep the tables when they save and drop
 * our JSON part, so the form is read back from them, as the reviewer left
 * it: a box replaced by a tick, or a mark typed beside it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-office-review-form.h"

#define FORM_TITLE "出國報告審核表"

gint
tr_office_review_form_find (TrOfficeDocument *document)
{
  g_return_val_if_fail (document != NULL, -1);

  for (guint i = 0; i < document->blocks->len; i++)
    {
      const TrOfficeBlock *block = document->blocks->pdata[i];
      g_autofree char *text = NULL;

      if (block->kind != TR_OFFICE_BLOCK_PARAGRAPH && block->kind != TR_OFFICE_BLOCK_HEADING)
        continue;
      text = g_strstrip (g_strdup (block->text));
      if (g_str_equal (text, FORM_TITLE) && i + 1 < document->blocks->len &&
          ((TrOfficeBlock *) document->blocks->pdata[i + 1])->kind == TR_OFFICE_BLOCK_TABLE_ROW)
        return i;
    }
  return -1;
}

static gboolean
is_space (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x3000;
}

static gboolean
is_tick (gunichar c)
{
  switch (c)
    {
    case 0x2611: /* ☑ */
    case 0x2612: /* ☒ */
    case 0x2713: /* ✓ */
    case 0x2714: /* ✔ */
    case 0x2717: /* ✗ */
    case 0x2718: /* ✘ */
    case 'V': case 'v': case 'X': case 'x':
    case 0xFF36: case 0xFF56: case 0xFF38: case 0xFF58:  /* Ｖ ｖ Ｘ ｘ */
      return TRUE;
    default:
      return FALSE;
    }
}

/* A box's cell: ticked when a tick is in it. */
static gboolean
cell_is_ticked (const char *cell)
{
  for (const char *p = cell; *p != '\0'; p = g_utf8_next_char (p))
    if (is_tick (g_utf8_get_char (p)))
      return TRUE;
  return FALSE;
}

/* The box before the option at @option in @text: the characters between
 * the previous space and the option. */
static gboolean
option_is_ticked (const char *text,
                  const char *option)
{
  const char *p = option;
  gboolean ticked = FALSE;

  while (p > text)
    {
      const char *previous = g_utf8_find_prev_char (text, p);
      gunichar c = g_utf8_get_char (previous);

      if (is_space (c))
        {
          /* Spaces between the box and its option. */
          if (p == option || is_space (g_utf8_get_char (p)))
            {
              p = previous;
              continue;
            }
          break;
        }
      ticked |= is_tick (c);
      p = previous;
    }
  return ticked;
}

static TrReviewAnswer
read_answer (const char *yes,
             const char *no)
{
  gboolean is_yes = cell_is_ticked (yes), is_no = cell_is_ticked (no);

  if (is_yes == is_no)
    return TR_REVIEW_ANSWER_UNSET;
  return is_yes ? TR_REVIEW_ANSWER_YES : TR_REVIEW_ANSWER_NO;
}

/* The text of the label's cell after the item's own wording. */
static const char *
after_label (const char *cell,
             const char *label)
{
  const char *found = strstr (cell, label);

  return found != NULL ? found + strlen (label) : cell;
}

static void
read_options (TrReview    *review,
              TrReviewItem item,
              const char  *cell)
{
  if (item == TR_REVIEW_ITEM_RETURN)
    {
      TrReturnReasons reasons = TR_RETURN_REASON_NONE;

      for (guint i = 0; i < TR_N_RETURN_REASONS; i++)
        {
          const char *found = strstr (cell, tr_return_reason_get_text (1u << i));

          if (found != NULL && option_is_ticked (cell, found))
            reasons |= 1u << i;
        }
      tr_review_set_return_reasons (review, reasons);
    }
  else if (item == TR_REVIEW_ITEM_PUBLICATION)
    {
      TrPublication publication = TR_PUBLICATION_NONE;

      for (guint i = 0; i < TR_N_PUBLICATIONS; i++)
        {
          const char *text = tr_publication_get_text (1u << i);
          const char *found = strstr (cell, text);

          if (found == NULL)
            continue;
          if (option_is_ticked (cell, found))
            publication |= 1u << i;
          if ((1u << i) == TR_PUBLICATION_OTHER)
            {
              g_autofree char *other = NULL;
              const char *rest = found + strlen (text);

              if (g_str_has_prefix (rest, "："))
                rest += strlen ("：");
              else if (rest[0] == ':')
                rest++;
              other = g_strstrip (g_strdup (rest));
              tr_review_set_publication_other (review, other);
            }
        }
      tr_review_set_publication (review, publication);
    }
  else if (item == TR_REVIEW_ITEM_OTHER)
    {
      g_autofree char *remarks = g_strstrip (g_strdup (cell));

      tr_review_set_remarks (review, remarks);
    }
}

/* Which item a row is, from its label "N. wording", or -1. */
static gint
row_item (const char *label)
{
  for (guint item = 0; item < TR_N_REVIEW_ITEMS; item++)
    {
      g_autofree char *prefix = g_strdup_printf ("%u. %s", item + 1, tr_review_item_get_text (item));

      if (g_str_has_prefix (label, prefix))
        return item;
    }
  return -1;
}

static gboolean
is_signature_labels (char **cells)
{
  if (g_strv_length (cells) != TR_N_REVIEW_SIGNATURES)
    return FALSE;
  for (guint i = 0; i < TR_N_REVIEW_SIGNATURES; i++)
    {
      g_autofree char *cell = g_strstrip (g_strdup (cells[i]));

      if (!g_str_equal (cell, tr_review_signature_get_text (i)))
        return FALSE;
    }
  return TRUE;
}

TrReview *
tr_office_review_form_read (TrOfficeDocument *document,
                            guint             start)
{
  g_autoptr(TrReview) review = tr_review_new ();
  gboolean signatures_next = FALSE;

  g_return_val_if_fail (document != NULL, NULL);

  for (guint i = start; i < document->blocks->len; i++)
    {
      const TrOfficeBlock *block = document->blocks->pdata[i];
      g_auto(GStrv) cells = NULL;
      gint item;

      if (block->kind != TR_OFFICE_BLOCK_TABLE_ROW)
        continue;
      cells = g_strsplit (block->text, "\t", -1);
      if (signatures_next)
        {
          for (guint s = 0; s < TR_N_REVIEW_SIGNATURES && cells[s] != NULL; s++)
            {
              g_autofree char *name = g_strstrip (g_strdup (cells[s]));

              tr_review_set_signature (review, s, name);
            }
          signatures_next = FALSE;
          continue;
        }
      if (is_signature_labels (cells))
        {
          signatures_next = TRUE;
          continue;
        }
      if (cells[0] == NULL || (item = row_item (cells[0])) < 0 || g_strv_length (cells) < 5)
        continue;

      for (guint column = 0; column < TR_N_REVIEW_COLUMNS; column++)
        tr_review_set_answer (review, item, column, read_answer (cells[1 + 2 * column], cells[2 + 2 * column]));
      read_options (review, item, after_label (cells[0], tr_review_item_get_text (item)));
    }

  /* 退回補正 ticked by the agency is the decision. */
  if (tr_review_get_answer (review, TR_REVIEW_ITEM_RETURN, TR_REVIEW_COLUMN_AGENCY) == TR_REVIEW_ANSWER_YES)
    tr_review_restore_status (review, TR_REVIEW_STATUS_RETURNED);
  return g_steal_pointer (&review);
}
