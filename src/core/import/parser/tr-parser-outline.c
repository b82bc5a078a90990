/* tr-parser-outline.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#include "tr-parser-outline.h"

#include <math.h>
#include <string.h>

#include "tr-parser-joiner.h"
#include "tr-parser-text.h"

/* Headings are short; so is the second line of one that wrapped. */
#define MAX_HEADING_CHARS      30
#define MAX_SECOND_LINE_CHARS  15
/* … and the rest of a heading whose first line is a heading already. */
#define MAX_HEADING_TAIL_CHARS 4

static gboolean
is_text_line (TrParserDocument *document,
              int               index)
{
  return index >= 0 && tr_parser_document_get (document, index)->role == TR_LINE_TEXT;
}

static gboolean
reads_as_sentence (const char *text)
{
  return strstr (text, "。") != NULL || strstr (text, "，") != NULL ||
         g_utf8_strlen (text, -1) > MAX_HEADING_CHARS;
}

static TrHeadingCandidate *
candidate_new (const char *text,
               guint       n_lines)
{
  TrHeadingCandidate *candidate = g_new0 (TrHeadingCandidate, 1);

  candidate->text = g_strdup (text);
  candidate->n_lines = n_lines;
  /* The heading's rest must point into the candidate's own copy. */
  tr_parser_match_heading (candidate->text, &candidate->heading);
  return candidate;
}

static void
candidate_free (TrHeadingCandidate *candidate)
{
  if (candidate == NULL)
    return;
  g_free (candidate->text);
  g_free (candidate);
}

/* A heading wrapped onto a second line: "貳、議程內容及時" + "程", or two
 * lines in the same heading face. */
static TrHeadingCandidate *
try_two_lines (TrParserDocument   *document,
               const TrParserLine *line,
               const TrParserLine *next,
               const TrHeading    *single,
               gboolean            styled)
{
  g_autoptr(GString) joined = NULL;
  TrHeading heading;

  /* A labelled line at the foot of a page ("姓名職稱：…" on the cover)
   * does not run on into the next page's title (the 提要 form's). */
  if ((line->page != next->page && (strstr (line->text, "：") != NULL || strchr (line->text, ':') != NULL)) ||
      g_utf8_strlen (next->text, -1) > MAX_SECOND_LINE_CHARS || tr_parser_starts_item (next->text) ||
      tr_parser_ends_sentence (line->text) || reads_as_sentence (line->text))
    return NULL;

  joined = g_string_new (line->text);
  tr_parser_append_continuation (joined, next->text);

  /* The first line alone may already read as a heading: "肆、建議" of
   * "肆、建議事項". A second line that short is the rest of it. */
  if (tr_parser_match_heading (joined->str, &heading) && heading.exact &&
      (single->kind == TR_HEADING_NONE || !single->exact ||
       (g_utf8_strlen (next->text, -1) <= MAX_HEADING_TAIL_CHARS && single->rest == NULL && heading.rest == NULL)))
    return candidate_new (joined->str, 2);

  /* Two lines set alike, both in a heading's face, the second no heading
   * of its own. */
  if (styled && single->kind == TR_HEADING_NONE && tr_parser_line_looks_like_heading (document, next) &&
      next->bold == line->bold && ABS (next->font_size - line->font_size) < 0.5 &&
      line->page == next->page && !tr_parser_ends_sentence (next->text) &&
      !tr_parser_match_heading (next->text, &heading))
    return candidate_new (joined->str, 2);

  return NULL;
}

/* Two lines at the same height on a page: cells of a table row. */
static gboolean
beside (TrParserDocument *document,
        int               index,
        int               other)
{
  TrParserLine *line = tr_parser_document_get (document, index), *neighbour;

  if (other < 0)
    return FALSE;
  neighbour = tr_parser_document_get (document, other);
  return line->placed && neighbour->placed && line->page == neighbour->page &&
         fabs (line->y - neighbour->y) < 0.5 * line->height;
}

static TrHeadingCandidate *
find_candidate (TrParserDocument *document,
                int               index)
{
  TrParserLine *line = tr_parser_document_get (document, index);
  int next_index = tr_parser_document_next_content (document, index);
  int prev_index = tr_parser_document_prev_content (document, index);
  TrHeadingCandidate *candidate = NULL;
  gboolean styled = tr_parser_line_looks_like_heading (document, line);
  TrHeading single;

  tr_parser_match_heading (line->text, &single);

  if (is_text_line (document, next_index) &&
      (single.number != TR_HEADING_NUMBER_NONE || styled || g_utf8_strlen (line->text, -1) <= MAX_HEADING_CHARS))
    candidate = try_two_lines (document, line, tr_parser_document_get (document, next_index), &single, styled);

  if (candidate == NULL && single.kind != TR_HEADING_NONE)
    candidate = candidate_new (line->text, 1);

  /* Not in the vocabulary, but numbered or set like a heading. */
  if (candidate == NULL && (single.number != TR_HEADING_NUMBER_NONE || styled) &&
      !reads_as_sentence (line->text) && !tr_parser_ends_sentence (line->text))
    candidate = candidate_new (line->text, 1);

  if (candidate == NULL)
    return NULL;

  candidate->styled = styled;
  candidate->large = line->font_size >= document->body_font_size * 1.15;
  candidate->font_size = line->font_size;
  candidate->bold = line->bold;
  candidate->in_row = beside (document, index, prev_index) || beside (document, index, next_index);
  candidate->page_start = prev_index < 0 || tr_parser_document_get (document, prev_index)->page != line->page;
  candidate->standalone = !is_text_line (document, prev_index) ||
                          !tr_parser_lines_continue (document, tr_parser_document_get (document, prev_index), line);
  return candidate;
}

/* The numbering style that names the most of the four sections. */
static TrHeadingNumber
find_top_numbering (TrParserOutline *self)
{
  gboolean named[TR_HEADING_N_NUMBERS][TR_N_SECTIONS] = { { FALSE } };
  TrHeadingNumber best = TR_HEADING_NUMBER_NONE;
  guint best_count = 0;

  for (guint i = 0; i < self->n_lines; i++)
    {
      TrHeadingCandidate *candidate = self->candidates[i];
      const TrHeading *heading;

      if (candidate == NULL)
        continue;
      heading = &candidate->heading;
      if (!heading->exact || heading->number == TR_HEADING_NUMBER_PARENTHESIZED)
        continue;
      if (heading->kind == TR_HEADING_SECTION && !heading->conclusion)
        named[heading->number][heading->section] = TRUE;
      else if (heading->kind == TR_HEADING_COMBINED)
        named[heading->number][TR_SECTION_OBSERVATIONS] = named[heading->number][TR_SECTION_RECOMMENDATIONS] = TRUE;
    }

  for (guint number = 0; number < TR_HEADING_N_NUMBERS; number++)
    {
      guint count = 0;

      for (guint section = 0; section < TR_N_SECTIONS; section++)
        count += named[number][section];
      /* Numbered styles win ties over bare headings, outer over inner. */
      if (count > best_count || (count == best_count && best == TR_HEADING_NUMBER_NONE && count > 0))
        {
          best = number;
          best_count = count;
        }
    }
  return best;
}

TrParserOutline *
tr_parser_outline_new (TrParserDocument *document)
{
  TrParserOutline *self = g_new0 (TrParserOutline, 1);

  self->n_lines = document->lines->len;
  self->candidates = g_new0 (TrHeadingCandidate *, MAX (self->n_lines, 1));

  for (guint i = 0; i < self->n_lines; i++)
    if (tr_parser_document_get (document, i)->role == TR_LINE_TEXT)
      self->candidates[i] = find_candidate (document, i);

  self->top = find_top_numbering (self);
  for (guint i = 0; i < self->n_lines; i++)
    if (self->candidates[i] != NULL)
      self->candidates[i]->top_level = self->top != TR_HEADING_NUMBER_NONE &&
                                       self->candidates[i]->heading.number == self->top;
  return self;
}

void
tr_parser_outline_free (TrParserOutline *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < self->n_lines; i++)
    candidate_free (self->candidates[i]);
  g_free (self->candidates);
  g_free (self);
}
